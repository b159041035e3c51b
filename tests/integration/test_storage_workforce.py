"""Teams and workers, stored and read back on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from tests.integration.storage_builders import CENTRE, a_person, a_team, a_visit, a_worker

from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.values import Location
from careweave.domain.workforce.workers import Gender, Patch, Skill, Team


def test_teams_with_round_and_polygon_patches_read_back_exactly(uow_factory):
    round_team = a_team("Easton")
    corners = (Location(51.45, -2.60), Location(51.46, -2.58), Location(51.44, -2.57))
    polygon_team = Team("Redfield", Patch(CENTRE, polygon=corners))
    with uow_factory() as uow:
        uow.teams.add_all([round_team, polygon_team])
        uow.commit()

    with uow_factory() as uow:
        assert uow.teams.get(round_team.id) == round_team
        assert uow.teams.get(polygon_team.id) == polygon_team
        assert uow.teams.find_by_name("Redfield") == polygon_team
        assert uow.teams.find_by_name("Nowhere") is None
        assert [team.name for team in uow.teams.list()] == ["Easton", "Redfield"]
        assert [team.name for team in uow.teams.list(limit=1, offset=1)] == ["Redfield"]
        assert uow.teams.count() == 2


def test_team_names_are_unique(uow_factory):
    with uow_factory() as uow:
        uow.teams.add(a_team("Easton"))
        with pytest.raises(ConflictError) as error:
            uow.teams.add(a_team("Easton"))
    assert error.value.field == "team.name"


def test_a_team_is_renamed_and_removed_once_nobody_belongs_to_it(uow_factory):
    team = a_team("Easton")
    worker = a_worker(team)
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.workers.add(worker)
        uow.commit()

    team.name = "Easton and Whitehall"
    with uow_factory() as uow:
        uow.teams.update(team)
        with pytest.raises(ConflictError, match="cannot be removed"):
            uow.teams.remove(team.id)
        uow.commit()

    with uow_factory() as uow:
        assert uow.teams.get(team.id).name == "Easton and Whitehall"
        uow.workers.remove(worker.id)
        uow.teams.remove(team.id)
        uow.commit()
    with uow_factory() as uow, pytest.raises(NotFoundError):
        uow.teams.get(team.id)


def test_a_worker_reads_back_exactly_with_skills_and_availability(uow_factory):
    team = a_team()
    worker = a_worker(team, gender=Gender.MALE, languages=("en", "pl"))
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.workers.add(worker)
        uow.commit()

    with uow_factory() as uow:
        stored = uow.workers.get(worker.id)
    assert stored == worker
    assert stored.available_minutes_per_week() == worker.available_minutes_per_week()


def test_a_worker_of_an_unknown_team_is_refused(uow_factory):
    with uow_factory() as uow, pytest.raises(NotFoundError, match="team 'nowhere'"):
        uow.workers.add(a_worker(a_team(id="nowhere")))


def test_workers_are_filtered_by_team_activity_and_skill_and_paged(uow_factory):
    east, west = a_team("East"), a_team("West")
    nurse = a_worker(east, "Nia", "Evans", skills=frozenset({Skill.NURSING, Skill.INSULIN}))
    carer = a_worker(east, "Ali", "Khan")
    leaver = a_worker(east, "Bea", "Jones", active=False)
    other = a_worker(west, "Cal", "Hughes", skills=frozenset({Skill.INSULIN}))
    with uow_factory() as uow:
        uow.teams.add_all([east, west])
        uow.workers.add_all([nurse, carer, leaver, other])
        uow.commit()

    with uow_factory() as uow:
        assert [w.family_name for w in uow.workers.list(team_id=east.id)] == [
            "Evans",
            "Jones",
            "Khan",
        ]
        assert uow.workers.list(team_id=east.id, active=True, limit=1, offset=1) == [carer]
        assert {w.id for w in uow.workers.list(skill=Skill.INSULIN)} == {nurse.id, other.id}
        assert uow.workers.list(skill=Skill.HOIST) == []
        assert uow.workers.count(active=False) == 1
        assert uow.workers.count(team_ids=[east.id, west.id]) == 4
        assert uow.workers.list(team_ids=[west.id], skill=Skill.INSULIN) == [other]
        assert uow.workers.count(ids=[nurse.id, other.id], team_id=west.id) == 1


def test_a_worker_with_assigned_visits_cannot_be_removed_but_can_leave(uow_factory):
    team = a_team()
    worker, person = a_worker(team), a_person(team)
    visit = a_visit(person, required_skills=frozenset())
    visit.assign((worker.id,))
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.workers.add(worker)
        uow.people.add(person)
        uow.visits.add(visit)
        uow.commit()

    with uow_factory() as uow, pytest.raises(ConflictError, match="worker"):
        uow.workers.remove(worker.id)
    worker.active = False
    with uow_factory() as uow:
        uow.workers.update(worker)
        uow.commit()
    with uow_factory() as uow:
        assert uow.workers.get(worker.id).active is False
