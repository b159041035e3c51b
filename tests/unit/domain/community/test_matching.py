"""Matching a service to what a link worker looks for, with the reasons in plain words."""

from __future__ import annotations

from datetime import date

from tests.community_directory import SmallDirectory

from careweave.domain.community.matching import Match, Wanted, match, nearest_first
from careweave.domain.community.schedules import PartOfDay
from careweave.domain.community.taxonomy import with_narrower_terms
from careweave.domain.values import Location

MONDAY = date(2026, 3, 2)
HOME = Location(53.5448, -2.6318)
SMALL = SmallDirectory()


def try_match(name: str, wanted: Wanted, home: Location | None = HOME) -> Match | None:
    service = SMALL.services[name]
    sal = service.locations[0]
    place = next(x for x in SMALL.locations.values() if x.id == sal.location_id)
    return match(service, sal, place, wanted, home, MONDAY)


def for_need(key: str, **more: object) -> Wanted:
    term = SMALL.terms[key]
    terms = {t.id: t for t in SMALL.terms.values()}
    narrower = {term.id: frozenset(with_narrower_terms([term.id], terms))}
    return Wanted(needs=[term], narrower=narrower, **more)  # type: ignore[arg-type]


def test_a_narrower_term_answers_the_broad_need_and_says_so() -> None:
    found = try_match("befriending", for_need("loneliness"))
    assert found is not None
    assert "for loneliness" in found.reasons


def test_a_service_for_another_need_does_not_match() -> None:
    assert try_match("walk", for_need("loneliness")) is None


def test_open_on_the_day_and_part_of_day_asked_for() -> None:
    tuesday_afternoon = Wanted(weekday=1, part_of_day=PartOfDay.AFTERNOON)
    found = try_match("lunch", tuesday_afternoon)
    assert found is not None
    assert found.next_session == date(2026, 3, 3)
    assert "open Tuesday afternoons: Every Tuesday, 12:00 to 14:00" in found.reasons
    assert try_match("lunch", Wanted(weekday=1, part_of_day=PartOfDay.EVENING)) is None
    assert try_match("walk", Wanted(weekday=1)) is None


def test_distance_from_home_is_a_reason_and_orders_the_results() -> None:
    lunch = try_match("lunch", Wanted())
    walk = try_match("walk", Wanted())
    assert lunch is not None
    assert walk is not None
    assert lunch.reasons[-1] == "0.0 km from home"
    assert walk.distance_km is not None
    assert 3 < walk.distance_km < 4
    assert nearest_first([walk, lunch]) == [lunch, walk]


def test_age_and_cost_rule_services_out() -> None:
    assert try_match("lunch", Wanted(age=45)) is None
    assert try_match("lunch", Wanted(free_only=True)) is None
    walk = try_match("walk", Wanted(free_only=True))
    assert walk is not None
    assert "free" in walk.reasons


def test_a_retired_service_is_never_offered() -> None:
    assert try_match("online_exercise", Wanted(), home=None) is None


def test_without_a_home_there_is_no_distance() -> None:
    found = try_match("lunch", Wanted(), home=None)
    assert found is not None
    assert found.distance_km is None
