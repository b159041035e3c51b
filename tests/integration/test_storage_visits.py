"""Visits: round trip with assigned workers, filters, paging, bulk writes and lost-update guard."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from tests.integration.storage_builders import MONDAY, a_person, a_team, a_visit, a_worker

from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.visits.visit import Priority, VisitStatus
from careweave.domain.workforce.workers import Skill


@pytest.fixture
def world(uow_factory):
    """Two teams, a person in each, and two workers in the first team."""
    home, away = a_team("Home"), a_team("Away")
    ada, bo = a_person(home), a_person(away, "Bo", "Diddley")
    sam, kim = a_worker(home), a_worker(home, "Kim", "Lee")
    with uow_factory() as uow:
        uow.teams.add_all([home, away])
        uow.people.add_all([ada, bo])
        uow.workers.add_all([sam, kim])
        uow.commit()
    return {"home": home, "away": away, "ada": ada, "bo": bo, "sam": sam, "kim": kim}


def test_a_double_handed_visit_reads_back_with_its_workers_in_order(uow_factory, world):
    visit = a_visit(
        world["ada"],
        workers_needed=2,
        priority=Priority.CRITICAL,
        required_skills=frozenset({Skill.HOIST}),
        preferred_worker_ids=frozenset({world["kim"].id}),
        excluded_worker_ids=frozenset({"someone-else"}),
    )
    visit.assign((world["kim"].id, world["sam"].id), start=time(8, 30))
    with uow_factory() as uow:
        uow.visits.add(visit)
        uow.commit()

    with uow_factory() as uow:
        stored = uow.visits.get(visit.id)
    assert stored == visit
    assert stored.assigned_worker_ids == (world["kim"].id, world["sam"].id)


def test_a_visit_of_an_unknown_person_or_worker_is_refused(uow_factory, world):
    with uow_factory() as uow:
        with pytest.raises(NotFoundError, match="person"):
            uow.visits.add(a_visit(a_person()))
        visit = a_visit(world["ada"], required_skills=frozenset())
        visit.assign(("ghost",))
        with pytest.raises(NotFoundError, match="worker 'ghost'"):
            uow.visits.add(visit)
        with pytest.raises(NotFoundError):
            uow.visits.get("nothing")


def test_visits_are_filtered_by_team_person_worker_days_and_status(uow_factory, world):
    week = [a_visit(world["ada"], MONDAY + timedelta(days=d)) for d in range(7)]
    week[1].assign((world["sam"].id,))
    week[2].assign((world["kim"].id,))
    week[3].move_to(VisitStatus.CANCELLED)
    away = a_visit(world["bo"], MONDAY)
    with uow_factory() as uow:
        uow.visits.add_all([*week, away])
        uow.commit()

    with uow_factory() as uow:
        visits = uow.visits
        assert [v.id for v in visits.list(team_id=world["home"].id)] == [v.id for v in week]
        assert visits.list(team_id=world["away"].id) == [away]
        both = [world["home"].id, world["away"].id]
        assert visits.count(team_ids=both) == 8
        assert visits.list(team_ids=[world["away"].id, "no-such-team"]) == [away]
        assert visits.list(person_id=world["bo"].id) == [away]
        assert visits.list(worker_id=world["sam"].id) == [week[1]]
        tue_to_thu = visits.list(day_from=MONDAY + timedelta(1), day_to=MONDAY + timedelta(3))
        assert [v.id for v in tue_to_thu] == [week[1].id, week[2].id, week[3].id]
        assert visits.count(status=VisitStatus.ASSIGNED) == 2
        assert visits.count(status=[VisitStatus.CANCELLED, VisitStatus.ASSIGNED]) == 3
        assert visits.count(team_id=world["home"].id, status=VisitStatus.PLANNED) == 4
        page = visits.list(team_id=world["home"].id, limit=3, offset=2)
        assert [v.id for v in page] == [v.id for v in week[2:5]]


def test_same_day_visits_are_ordered_by_window_start(uow_factory, world):
    late, early = a_visit(world["ada"], start=time(18, 0)), a_visit(world["ada"], start=time(7, 0))
    with uow_factory() as uow:
        uow.visits.add_all([late, early])
        uow.commit()
    with uow_factory() as uow:
        assert [v.id for v in uow.visits.list(day_from=MONDAY, day_to=MONDAY)] == [
            early.id,
            late.id,
        ]


def test_an_update_saves_the_assignment_and_bumps_the_version(uow_factory, world):
    visit = a_visit(world["ada"], required_skills=frozenset())
    with uow_factory() as uow:
        uow.visits.add(visit)
        uow.commit()

    with uow_factory() as uow:
        loaded = uow.visits.get(visit.id)
        loaded.assign((world["sam"].id,), start=time(8, 15), minutes=40)
        uow.visits.update(loaded)
        uow.commit()
    assert loaded.version == 2

    with uow_factory() as uow:
        stored = uow.visits.get(visit.id)
        assert stored.version == 2
        assert stored.status is VisitStatus.ASSIGNED
        assert stored.assigned_worker_ids == (world["sam"].id,)
        assert (stored.planned_start, stored.planned_minutes) == (time(8, 15), 40)
        assert uow.visits.list(worker_id=world["sam"].id) == [stored]


def test_the_second_of_two_coordinators_gets_a_conflict_and_nothing_is_lost(uow_factory, world):
    visit = a_visit(world["ada"], required_skills=frozenset())
    with uow_factory() as uow:
        uow.visits.add(visit)
        uow.commit()

    with uow_factory() as first, uow_factory() as second:
        mine, theirs = first.visits.get(visit.id), second.visits.get(visit.id)
        mine.assign((world["sam"].id,))
        first.visits.update(mine)
        first.commit()
        theirs.assign((world["kim"].id,))
        with pytest.raises(ConflictError) as conflict:
            second.visits.update(theirs)
    assert conflict.value.field == "visit.version"
    assert "changed by someone else" in conflict.value.message

    with uow_factory() as uow:
        stored = uow.visits.get(visit.id)
    assert stored.assigned_worker_ids == (world["sam"].id,)
    assert stored.version == 2


def test_a_bulk_update_with_one_stale_visit_writes_none_of_them(uow_factory, world):
    visits = [a_visit(world["ada"], MONDAY + timedelta(days=d)) for d in range(3)]
    with uow_factory() as uow:
        uow.visits.add_all(visits)
        uow.commit()
    with uow_factory() as uow:
        stale = uow.visits.get(visits[1].id)
        stale.move_to(VisitStatus.MISSED)
        uow.visits.update(stale)
        uow.commit()

    for visit in visits:
        visit.move_to(VisitStatus.CANCELLED)
    with uow_factory() as uow:
        with pytest.raises(ConflictError, match=visits[1].id):
            uow.visits.update_all(visits)
        uow.commit()

    with uow_factory() as uow:
        statuses = [v.status for v in uow.visits.list(person_id=world["ada"].id)]
    assert statuses == [VisitStatus.PLANNED, VisitStatus.MISSED, VisitStatus.PLANNED]
    assert [v.version for v in visits] == [1, 1, 1]


def test_a_bulk_update_saves_every_visit_and_its_workers(uow_factory, world):
    visits = [a_visit(world["ada"], MONDAY + timedelta(days=d)) for d in range(4)]
    with uow_factory() as uow:
        uow.visits.add_all(visits)
        uow.commit()

    for visit in visits:
        visit.required_skills = frozenset()
        visit.assign((world["kim"].id,))
    with uow_factory() as uow:
        uow.visits.update_all(visits)
        uow.commit()

    with uow_factory() as uow:
        assert uow.visits.list(worker_id=world["kim"].id) == visits
        assert {v.version for v in uow.visits.list()} == {2}


def test_updating_or_removing_an_unknown_visit_is_not_found(uow_factory, world):
    with uow_factory() as uow:
        with pytest.raises(NotFoundError):
            uow.visits.update(a_visit(world["ada"]))
        with pytest.raises(NotFoundError):
            uow.visits.update_all([a_visit(world["ada"])])
        with pytest.raises(NotFoundError):
            uow.visits.remove("nothing")


def test_a_removed_visit_takes_its_assignments_with_it(uow_factory, world):
    visit = a_visit(world["ada"], required_skills=frozenset())
    visit.assign((world["sam"].id,))
    with uow_factory() as uow:
        uow.visits.add(visit)
        uow.commit()
    with uow_factory() as uow:
        uow.visits.remove(visit.id)
        uow.workers.remove(world["sam"].id)
        uow.commit()
    with uow_factory() as uow:
        assert uow.visits.count() == 0


def test_a_thousand_visits_go_in_and_come_out_in_bulk(uow_factory, world):
    visits = [
        a_visit(world["ada"], MONDAY + timedelta(days=n % 28), time(7 + n % 12, 0))
        for n in range(1000)
    ]
    for visit in visits[::2]:
        visit.required_skills = frozenset()
        visit.assign((world["sam"].id,))
    with uow_factory() as uow:
        uow.visits.add_all(visits)
        uow.commit()
    with uow_factory() as uow:
        assert uow.visits.count(team_id=world["home"].id) == 1000
        assert len(uow.visits.list(worker_id=world["sam"].id)) == 500


def test_a_bulk_update_naming_an_unknown_worker_is_refused_whole(uow_factory, world):
    visits = [
        a_visit(world["ada"], MONDAY + timedelta(days=d), required_skills=frozenset())
        for d in range(2)
    ]
    with uow_factory() as uow:
        uow.visits.add_all(visits)
        uow.commit()

    visits[0].assign((world["sam"].id,))
    visits[1].assign(("ghost",))
    with uow_factory() as uow:
        with pytest.raises(ConflictError, match="does not exist"):
            uow.visits.update_all(visits)
        uow.commit()

    with uow_factory() as uow:
        assert uow.visits.count(status=VisitStatus.PLANNED) == 2
        assert uow.visits.list(worker_id=world["sam"].id) == []
