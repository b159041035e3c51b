"""The medicines on the demo people's plans: for each person whose visits include a medication
task, one to three everyday medicines, given at the parts of the day those visits come. So the
visit page of the demo shows a list to tick that agrees with the visit's tasks."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterable, Sequence

from careweave.domain.plans.care_plan import CarePlan
from careweave.domain.plans.medicines import DayPart, PlanMedicine, day_part_of
from careweave.domain.visits.visit import Visit

MEDICATION_TASKS = frozenset({"Medication prompt", "Medication from the blister pack"})
# Everyday medicines of older people at home, with how they are given.
EVERYDAY = (
    ("Metformin 500 mg", "With food"),
    ("Amlodipine 5 mg", ""),
    ("Paracetamol 500 mg, two tablets", "Not within four hours of the last dose"),
    ("Furosemide 40 mg", "Ask about dizziness"),
    ("Co-careldopa 25/100 mg", "On time, every time"),
    ("Donepezil 10 mg", ""),
)


def with_medicines(plans: Sequence[CarePlan], visits: Iterable[Visit]) -> list[CarePlan]:
    """``plans`` with the medicines each person's medication visits imply (the same medicines
    on every version of a person's plan)."""
    parts: dict[str, set[DayPart]] = {}
    for visit in visits:
        if MEDICATION_TASKS & set(visit.tasks):
            parts.setdefault(visit.person_id, set()).add(day_part_of(visit.window_start))
    return [
        dataclasses.replace(plan, medicines=_medicines(plan.person_id, parts[plan.person_id]))
        if plan.person_id in parts
        else plan
        for plan in plans
    ]


def _medicines(person_id: str, parts: set[DayPart]) -> tuple[PlanMedicine, ...]:
    rng = random.Random(person_id)  # the same medicines for a person on every seed's run
    chosen = rng.sample(EVERYDAY, rng.randint(1, 3))
    return tuple(PlanMedicine(item, frozenset(parts), how) for item, how in chosen)
