"""Who could make a visit at all: the skills each of its workers needs, and whether a team has them.

A double-handed visit is two people working together. Both must be trained in what they do
together (moving and handling with a hoist, personal care, supporting someone with dementia);
a clinical task such as an insulin injection, a PEG feed or catheter care is done by one of them,
who alone needs that skill.
"""

from __future__ import annotations

from collections.abc import Sequence

from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Skill, Worker

SKILLS_BOTH_WORKERS_NEED = frozenset({Skill.HOIST, Skill.PERSONAL_CARE, Skill.DEMENTIA_CARE})
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def skills_per_worker(visit: Visit) -> tuple[frozenset[Skill], ...]:
    """The skills each worker of ``visit`` needs: the lead needs them all, a second the shared ones."""
    if visit.workers_needed == 1:
        return (visit.required_skills,)
    return (visit.required_skills, visit.required_skills & SKILLS_BOTH_WORKERS_NEED)


def staffing_gap(visit: Visit, workers: Sequence[Worker]) -> str | None:
    """Why none of ``workers`` can make ``visit`` on its day, in plain words; None when they can.

    A worker counts when they are active, not excluded by the person, work that weekday and hold
    the skills their part of the visit needs (see :func:`skills_per_worker`).
    """
    weekday = visit.day.weekday()
    working = [
        w
        for w in workers
        if w.active
        and w.id not in visit.excluded_worker_ids
        and any(slot.weekday == weekday for slot in w.availability)
    ]
    needs = skills_per_worker(visit)
    lead = [w for w in working if needs[0] <= w.skills]
    if not lead:
        return f"nobody working on {WEEKDAYS[weekday]} has {_skill_words(needs[0])}"
    if len(needs) == 2:
        second = [w for w in working if needs[1] <= w.skills]
        if not any(a.id != b.id for a in lead for b in second):
            return (
                f"no second worker on {WEEKDAYS[weekday]} to make this double-handed visit "
                f"({_skill_words(needs[1])})"
            )
    return None


def skill_gaps(visit: Visit, workers: Sequence[Worker]) -> list[str]:
    """What the chosen ``workers`` lack to make ``visit`` together, in plain words (empty: nothing).

    Each worker needs the skills everyone on the visit uses; a skill that one worker of a
    double-handed visit uses alone must be held by at least one of them.
    """
    needs = skills_per_worker(visit)
    everyone = needs[-1]
    gaps = [
        f"{w.display_name} is not signed off for {_names(everyone - w.skills)}"
        for w in workers
        if everyone - w.skills
    ]
    by_one = needs[0] - everyone
    if by_one and not any(by_one <= w.skills for w in workers):
        gaps.append(f"neither worker is signed off for {_names(by_one)}")
    return gaps


def _names(skills: frozenset[Skill]) -> str:
    return ", ".join(sorted(s.value.replace("_", " ") for s in skills))


def _skill_words(skills: frozenset[Skill]) -> str:
    if not skills:
        return "the time"
    return "the skills " + _names(skills)
