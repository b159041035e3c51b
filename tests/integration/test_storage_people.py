"""People and what belongs to them, stored and read back on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from tests.integration.storage_builders import a_person, a_team, a_visit

from careweave.domain.errors import ConflictError, DomainValidationError, NotFoundError
from careweave.domain.people.person import (
    CareModel,
    CircleMember,
    CircleRole,
    EligibilityOutcome,
    Need,
    Strength,
    StrengthKind,
)


@pytest.fixture
def team(uow_factory):
    team = a_team()
    with uow_factory() as uow:
        uow.teams.add(team)
        uow.commit()
    return team


def test_a_person_reads_back_exactly_as_stored(uow_factory, team):
    person = a_person(team)
    with uow_factory() as uow:
        uow.people.add(person)
        uow.commit()

    with uow_factory() as uow:
        stored = uow.people.get(person.id)
    assert stored == person
    assert stored.postcode == "BS5 0QX"
    assert stored.about_me.sections == person.about_me.sections


def test_unknown_ids_and_missing_teams_are_not_found(uow_factory):
    with uow_factory() as uow:
        with pytest.raises(NotFoundError, match="person 'nobody'"):
            uow.people.get("nobody")
        with pytest.raises(NotFoundError, match="team 'no-team'"):
            uow.people.add(a_person(team_id="no-team"))
        with pytest.raises(NotFoundError):
            uow.people.update(a_person())
        with pytest.raises(NotFoundError):
            uow.people.remove("nobody")


def test_an_update_changes_the_stored_person(uow_factory, team):
    person = a_person(team)
    with uow_factory() as uow:
        uow.people.add(person)
        uow.commit()

    person.care_model = CareModel.SHARED_LIVES
    person.team_id = None
    with uow_factory() as uow:
        uow.people.update(person)
        uow.commit()

    with uow_factory() as uow:
        assert uow.people.get(person.id).care_model is CareModel.SHARED_LIVES
        assert uow.people.get(person.id).team_id is None


def test_people_are_filtered_ordered_and_paged(uow_factory, team):
    other_team = a_team("Lawrence Hill")
    names = [("Zoe", "Adams"), ("Bob", "Brown"), ("Amy", "Brown"), ("Cy", "Clarke")]
    people = [a_person(team, given, family) for given, family in names]
    outsider = a_person(other_team, "Dan", "Brownlow", care_model=CareModel.HOMESHARE)
    with uow_factory() as uow:
        uow.teams.add(other_team)
        uow.people.add_all([*people, outsider])
        uow.commit()

    with uow_factory() as uow:
        ordered = uow.people.list(team_id=team.id)
        assert [(p.given_name, p.family_name) for p in ordered] == [
            ("Zoe", "Adams"),
            ("Amy", "Brown"),
            ("Bob", "Brown"),
            ("Cy", "Clarke"),
        ]
        page = uow.people.list(team_id=team.id, limit=2, offset=1)
        assert [p.id for p in page] == [p.id for p in ordered[1:3]]
        assert uow.people.count(team_id=team.id) == 4
        assert {p.id for p in uow.people.list(name_contains="BROWN")} == {
            people[1].id,
            people[2].id,
            outsider.id,
        }
        assert uow.people.list(name_contains="%") == []
        assert uow.people.list(care_model=CareModel.HOMESHARE) == [outsider]
        assert uow.people.count(ids=[people[0].id, outsider.id]) == 2
        assert uow.people.count(team_ids=[team.id, other_team.id]) == 5
        assert uow.people.list(team_ids=[other_team.id]) == [outsider]


def test_bad_pagination_names_the_field(uow_factory):
    with uow_factory() as uow:
        with pytest.raises(DomainValidationError) as limit_error:
            uow.people.list(limit=0)
        with pytest.raises(DomainValidationError) as offset_error:
            uow.people.list(offset=-1)
    assert limit_error.value.field == "limit"
    assert offset_error.value.field == "offset"


def test_removing_a_person_removes_their_circle_strengths_and_needs(uow_factory, team):
    person = a_person(team)
    member = CircleMember(person.id, "Grace", CircleRole.UNPAID_CARER, is_emergency_contact=True)
    strength = Strength(person.id, StrengthKind.PERSONAL, "Loves cooking")
    need = Need(person.id, EligibilityOutcome.NUTRITION, "Needs help to shop for food")
    with uow_factory() as uow:
        uow.people.add(person)
        uow.circles.add(member)
        uow.strengths.add(strength)
        uow.needs.add(need)
        uow.commit()

    with uow_factory() as uow:
        uow.people.remove(person.id)
        uow.commit()

    with uow_factory() as uow:
        assert uow.circles.list_for_person(person.id) == []
        with pytest.raises(NotFoundError):
            uow.strengths.get(strength.id)
        with pytest.raises(NotFoundError):
            uow.needs.get(need.id)


def test_a_person_with_visits_cannot_be_removed(uow_factory, team):
    person = a_person(team)
    with uow_factory() as uow:
        uow.people.add(person)
        uow.visits.add(a_visit(person))
        uow.commit()

    with uow_factory() as uow, pytest.raises(ConflictError, match="cannot be removed"):
        uow.people.remove(person.id)


def test_circle_members_round_trip_in_emergency_then_name_order(uow_factory, team):
    person = a_person(team)
    members = [
        CircleMember(person.id, "Zara", CircleRole.FRIEND, phone="0117 496 0000"),
        CircleMember(person.id, "Yusuf", CircleRole.FAMILY, "son", is_emergency_contact=True),
        CircleMember(person.id, "Alan", CircleRole.NEIGHBOUR, email="alan@example.org"),
    ]
    with uow_factory() as uow:
        uow.people.add(person)
        uow.circles.add_all(members)
        uow.commit()

    members[2].phone = "0117 496 0999"
    with uow_factory() as uow:
        uow.circles.update(members[2])
        uow.circles.remove(members[0].id)
        uow.commit()

    with uow_factory() as uow:
        assert uow.circles.list_for_person(person.id) == [members[1], members[2]]
        assert uow.circles.get(members[2].id).phone == "0117 496 0999"


def test_strengths_and_needs_list_in_their_natural_order(uow_factory, team):
    person = a_person(team)
    strengths = [
        Strength(person.id, StrengthKind.COMMUNITY, "Church on Sundays"),
        Strength(person.id, StrengthKind.PERSONAL, "Determined"),
        Strength(person.id, StrengthKind.FAMILY, "Daughter nearby"),
    ]
    needs = [
        Need(person.id, EligibilityOutcome.RELATIONSHIPS, "Lonely since moving"),
        Need(person.id, EligibilityOutcome.NUTRITION, "Forgets to eat"),
    ]
    with uow_factory() as uow:
        uow.people.add(person)
        uow.strengths.add_all(strengths)
        uow.needs.add_all(needs)
        uow.commit()

    with uow_factory() as uow:
        kinds = [s.kind for s in uow.strengths.list_for_person(person.id)]
        outcomes = [n.outcome for n in uow.needs.list_for_person(person.id)]
    assert kinds == [StrengthKind.PERSONAL, StrengthKind.FAMILY, StrengthKind.COMMUNITY]
    assert outcomes == [EligibilityOutcome.NUTRITION, EligibilityOutcome.RELATIONSHIPS]


def test_parts_of_an_unknown_person_are_refused(uow_factory):
    with uow_factory() as uow:
        with pytest.raises(NotFoundError, match="person 'ghost'"):
            uow.strengths.add(Strength("ghost", StrengthKind.PERSONAL, "Kind"))
        with pytest.raises(NotFoundError, match="person 'ghost'"):
            uow.needs.add(Need("ghost", EligibilityOutcome.NUTRITION, "Meals"))
        with pytest.raises(NotFoundError, match="person 'ghost'"):
            uow.circles.add(CircleMember("ghost", "Ann", CircleRole.FRIEND))
