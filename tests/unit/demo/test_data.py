"""The demo neighbourhood: deterministic, placed in Wigan, and shaped like UK home care."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import date

import pytest

from careweave.demo import places as places
from careweave.demo.data import Neighbourhood, generate_neighbourhood, monday_of
from careweave.demo.profiles import VISITED_MODELS
from careweave.demo.roster import whole_travel_minutes
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import is_valid_nhs_number
from careweave.domain.visits.visit import Visit, VisitStatus, minutes_of
from careweave.domain.workforce.workers import Worker, polygon_contains

WEEK = date(2026, 11, 18)  # a Wednesday: the week starts on Monday 16 November


@pytest.fixture(scope="module")
def town() -> Neighbourhood:
    return generate_neighbourhood(people=400, workers=80, teams=4, seed=7, week_start=WEEK)


def test_the_same_seed_and_week_give_the_same_neighbourhood() -> None:
    first = generate_neighbourhood(people=30, workers=6, seed=3, week_start=WEEK)
    again = generate_neighbourhood(people=30, workers=6, seed=3, week_start=WEEK)
    other = generate_neighbourhood(people=30, workers=6, seed=4, week_start=WEEK)
    assert first == again
    assert first.people != other.people


def test_sizes_follow_the_arguments(town: Neighbourhood) -> None:
    assert (len(town.people), len(town.workers), len(town.teams)) == (400, 80, 4)
    per_team = Counter(w.team_id for w in town.workers)
    assert sorted(per_team.values()) == [20, 20, 20, 20]
    assert len({t.name for t in town.teams}) == 4
    assert town.week_start == monday_of(WEEK) == date(2026, 11, 16)


def test_everyone_lives_inside_the_town_and_their_teams_patch(town: Neighbourhood) -> None:
    teams = {t.id: t for t in town.teams}
    for person in town.people:
        assert polygon_contains(places.TOWN_POLYGON, person.location), person.address
        assert person.team_id is not None
        assert teams[person.team_id].patch.contains(person.location), person.address
    for worker in town.workers:
        assert teams[worker.team_id].patch.contains(worker.home)


def test_town_outline_and_patches_are_convex_and_hold_every_settlement(town: Neighbourhood) -> None:
    for settlement in places.SETTLEMENTS:
        assert polygon_contains(places.TOWN_POLYGON, settlement.centre), settlement.name
    for polygon in [places.TOWN_POLYGON, *(t.patch.polygon for t in town.teams)]:
        turns = set()
        for a, b, c in zip(
            polygon, polygon[1:] + polygon[:1], polygon[2:] + polygon[:2], strict=True
        ):
            cross = (b.lon - a.lon) * (c.lat - b.lat) - (b.lat - a.lat) * (c.lon - b.lon)
            if abs(cross) > 1e-12:
                turns.add(cross > 0)
        assert len(turns) == 1


def test_patches_share_the_caseload_evenly(town: Neighbourhood) -> None:
    caseloads = Counter(p.team_id for p in town.people)
    assert max(caseloads.values()) - min(caseloads.values()) <= 1


def test_postcodes_are_in_the_towns_districts(town: Neighbourhood) -> None:
    districts = {s.postcode_district for s in places.SETTLEMENTS}
    assert {p.postcode.split()[0] for p in town.people} <= districts


def test_visit_lengths_follow_the_field_figures(town: Neighbourhood) -> None:
    lengths = Counter(v.duration_min for v in town.visits)
    total = len(town.visits)
    assert set(lengths) <= {15, 30, 45, 60}
    assert lengths.most_common(1)[0][0] == 30
    assert 0.55 <= lengths[30] / total <= 0.75  # 65 % of state-funded visits (UKHCA 2019)
    assert 0.07 <= lengths[15] / total <= 0.21  # 14 % (UNISON FOI 2014)


def test_fifteen_minute_visits_are_never_personal_care(town: Neighbourhood) -> None:
    short = [v for v in town.visits if v.duration_min == 15]
    assert short
    assert all("personal_care" not in v.required_skills for v in short)


def test_about_one_visit_in_eight_is_double_handed(town: Neighbourhood) -> None:
    double = [v for v in town.visits if v.workers_needed == 2]
    assert 0.08 <= len(double) / len(town.visits) <= 0.16
    assert all("hoist" in v.required_skills for v in double)


def test_people_have_one_to_four_visits_on_a_day_of_care(town: Neighbourhood) -> None:
    per_day = Counter((v.person_id, v.day) for v in town.visits)
    assert set(per_day.values()) <= {1, 2, 3, 4}
    assert {v.day for v in town.visits} == {date(2026, 11, 16 + d) for d in range(7)}
    models = {p.id: p.care_model for p in town.people}
    assert all(models[v.person_id] in VISITED_MODELS for v in town.visits)


def test_most_people_are_older_and_have_a_circle_and_strengths(town: Neighbourhood) -> None:
    older = sum(p.age_on(town.week_start) >= 65 for p in town.people) / len(town.people)
    assert 0.72 <= older <= 0.86  # 79 % aged 65 or over (NICE)
    with_circle = {m.person_id for m in town.circle_members}
    assert 0.7 <= len(with_circle) / len(town.people) <= 0.9
    kinds = defaultdict(set)
    for strength in town.strengths:
        kinds[strength.person_id].add(strength.kind.value)
    assert all({"personal", "community"} <= kinds[p.id] for p in town.people)
    assert {p.id for p in town.people} == {n.person_id for n in town.needs}


def test_about_me_is_in_the_persons_own_words(town: Neighbourhood) -> None:
    for person in town.people[:50]:
        assert len(person.about_me.sections) == 7
        intro = person.about_me.sections[next(iter(person.about_me.sections))]
        assert intro.startswith(f"I'm {person.preferred_name or person.given_name}")


def test_nhs_numbers_are_valid_unique_and_never_issued(town: Neighbourhood) -> None:
    numbers = [p.nhs_number for p in town.people]
    assert len(set(numbers)) == len(numbers)
    assert all(n.startswith("999") and is_valid_nhs_number(n) for n in numbers)


def test_workers_have_shifts_matching_their_contracted_hours(town: Neighbourhood) -> None:
    for worker in town.workers:
        assert worker.contracted_minutes_per_week == worker.available_minutes_per_week()
        assert 3 <= len({slot.weekday for slot in worker.availability}) <= 5
        assert worker.cost_per_hour >= 12.71
    for weekday in range(7):
        on_duty = [w for w in town.workers if any(s.weekday == weekday for s in w.availability)]
        assert len(on_duty) >= 20


def _on_shift(worker: Worker, visit: Visit) -> bool:
    assert visit.planned_start is not None
    assert visit.duration_max is not None
    start = minutes_of(visit.planned_start)
    return any(
        slot.weekday == visit.day.weekday()
        and minutes_of(slot.start) <= start
        and start + visit.duration_max <= minutes_of(slot.end)
        for slot in worker.availability
    )


def test_the_first_roster_respects_skills_shifts_teams_and_travel(town: Neighbourhood) -> None:
    workers = {w.id: w for w in town.workers}
    people = {p.id: p for p in town.people}
    assigned = [v for v in town.visits if v.status is VisitStatus.ASSIGNED]
    assert len(assigned) / len(town.visits) >= 0.6
    days: dict[tuple[str, date], list[Visit]] = defaultdict(list)
    for visit in assigned:
        assert visit.planned_start is not None
        assert visit.window_start <= visit.planned_start <= visit.window_end
        assert len(visit.assigned_worker_ids) == visit.workers_needed
        for worker_id in visit.assigned_worker_ids:
            worker = workers[worker_id]
            assert worker.team_id == people[visit.person_id].team_id
            assert worker.can_do(visit.required_skills)
            assert _on_shift(worker, visit)
            days[(worker_id, visit.day)].append(visit)
    for (worker_id, _), visits in days.items():
        visits.sort(key=lambda v: v.planned_start or v.window_start)
        for before, after in itertools.pairwise(visits):
            assert before.planned_start is not None
            assert after.planned_start is not None
            assert before.duration_max is not None
            gap = minutes_of(after.planned_start) - minutes_of(before.planned_start)
            travel = whole_travel_minutes(
                workers[worker_id].travel_mode,
                people[before.person_id].location,
                people[after.person_id].location,
            )
            assert gap >= before.duration_max + travel


def test_unassigned_visits_are_left_planned(town: Neighbourhood) -> None:
    planned = [v for v in town.visits if v.status is VisitStatus.PLANNED]
    assert all(not v.assigned_worker_ids and v.planned_start is None for v in planned)


def test_more_teams_than_people_still_gives_every_team_a_patch() -> None:
    tiny = generate_neighbourhood(people=3, workers=5, teams=5, seed=2, week_start=WEEK)
    assert len(tiny.teams) == 5
    assert all(len(t.patch.polygon) >= 3 for t in tiny.teams)
    teams = {t.id: t for t in tiny.teams}
    assert all(teams[p.team_id or ""].patch.contains(p.location) for p in tiny.people)


@pytest.mark.parametrize(
    ("sizes", "field"),
    [
        ({"people": 0}, "people"),
        ({"workers": 0}, "workers"),
        ({"teams": 0}, "teams"),
        ({"workers": 2, "teams": 3}, "workers"),
        ({"people": 200_000}, "people"),
    ],
)
def test_impossible_sizes_are_refused_naming_the_argument(
    sizes: dict[str, int], field: str
) -> None:
    with pytest.raises(DomainValidationError) as caught:
        generate_neighbourhood(**sizes, week_start=WEEK)
    assert caught.value.field == field
