from __future__ import annotations

from datetime import date, time

from careweave.domain.rostering.staffing import skill_gaps, skills_per_worker, staffing_gap
from careweave.domain.values import Location
from careweave.domain.visits.visit import Visit
from careweave.domain.workforce.workers import Availability, Skill, Worker

TUESDAY = date(2026, 11, 17)
HOME = Location(53.54, -2.63)


def worker(name: str, skills: set[Skill], weekdays: tuple[int, ...] = (1,)) -> Worker:
    slots = tuple(Availability(d, time(7), time(14)) for d in weekdays)
    return Worker(
        name, "Smith", "team", HOME, skills=frozenset(skills), availability=slots, id=name
    )


def visit(skills: set[Skill], workers_needed: int = 1, **extra: object) -> Visit:
    return Visit(
        person_id="p1",
        day=TUESDAY,
        window_start=time(8),
        window_end=time(9),
        duration_min=30,
        required_skills=frozenset(skills),
        workers_needed=workers_needed,
        **extra,  # type: ignore[arg-type]
    )


def test_only_the_lead_of_a_double_handed_visit_needs_the_clinical_skill() -> None:
    hoist_and_insulin = visit({Skill.HOIST, Skill.INSULIN, Skill.PERSONAL_CARE}, 2)
    lead, second = skills_per_worker(hoist_and_insulin)
    assert lead == {Skill.HOIST, Skill.INSULIN, Skill.PERSONAL_CARE}
    assert second == {Skill.HOIST, Skill.PERSONAL_CARE}
    assert skills_per_worker(visit({Skill.INSULIN})) == (frozenset({Skill.INSULIN}),)


def test_a_pair_with_one_insulin_trained_worker_can_staff_the_visit() -> None:
    team = [
        worker("ann", {Skill.HOIST, Skill.INSULIN, Skill.PERSONAL_CARE}),
        worker("bea", {Skill.HOIST, Skill.PERSONAL_CARE}),
    ]
    assert staffing_gap(visit({Skill.HOIST, Skill.INSULIN, Skill.PERSONAL_CARE}, 2), team) is None


def test_a_gap_names_the_day_and_the_missing_skills() -> None:
    team = [worker("ann", {Skill.HOIST}), worker("bea", {Skill.INSULIN}, weekdays=(0,))]
    assert staffing_gap(visit({Skill.INSULIN}), team) == (
        "nobody working on Tuesday has the skills insulin"
    )
    assert staffing_gap(visit({Skill.HOIST}, 2), team) == (
        "no second worker on Tuesday to make this double-handed visit (the skills hoist)"
    )


def test_excluded_and_inactive_workers_do_not_count() -> None:
    ann = worker("ann", {Skill.MEDICATION})
    assert staffing_gap(visit({Skill.MEDICATION}), [ann]) is None
    assert staffing_gap(visit({Skill.MEDICATION}, excluded_worker_ids=frozenset({"ann"})), [ann])
    ann.active = False
    assert staffing_gap(visit({Skill.MEDICATION}), [ann]) is not None


def test_skill_gaps_of_a_chosen_pair() -> None:
    hoist_and_insulin = visit({Skill.HOIST, Skill.INSULIN}, 2)
    ann = worker("ann", {Skill.HOIST, Skill.INSULIN})
    bea = worker("bea", {Skill.HOIST})
    cal = worker("cal", {Skill.MEDICATION})
    assert skill_gaps(hoist_and_insulin, [ann, bea]) == []
    assert skill_gaps(hoist_and_insulin, [bea, cal]) == [
        "cal Smith is not signed off for hoist",
        "neither worker is signed off for insulin",
    ]
    assert skill_gaps(visit({Skill.INSULIN}), [bea]) == ["bea Smith is not signed off for insulin"]
