"""Plan versions, GAS ratings and conversations, stored and read back on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.integration.storage_builders import a_goal, a_person, a_plan, a_team, a_visit

from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.plans.conversations import REQUIRED_TOPICS, Conversation, ConversationKind
from careweave.domain.plans.gas import GasRating


@pytest.fixture
def people(uow_factory):
    """Two people in one team and one in another."""
    home, away = a_team("Home"), a_team("Away")
    ada, bo, cy = a_person(home), a_person(home, "Bo", "Diddley"), a_person(away, "Cy", "Twombly")
    with uow_factory() as uow:
        uow.teams.add_all([home, away])
        uow.people.add_all([ada, bo, cy])
        uow.commit()
    return {"home": home, "ada": ada, "bo": bo, "cy": cy}


def _store(uow_factory, *plans):
    with uow_factory() as uow:
        for plan in plans:
            uow.plans.add_version(plan)
        uow.commit()


def test_every_version_is_kept_and_the_newest_is_read_by_default(uow_factory, people):
    first = a_plan(people["ada"], a_goal("Walk to the shop"), a_goal("Cook a meal"))
    second = first.revise(
        changed_by="Sam", changed_at=datetime(2026, 3, 1, tzinfo=UTC), goals=first.goals[:1]
    )
    _store(uow_factory, first, second)

    with uow_factory() as uow:
        assert uow.plans.get(first.plan_id) == second
        assert uow.plans.get(first.plan_id, 1) == first
        assert uow.plans.versions(first.plan_id) == [first, second]
        assert uow.plans.list_for_person(people["ada"].id) == [second]
        assert uow.plans.list_for_person(people["ada"].id, all_versions=True) == [first, second]
        with pytest.raises(NotFoundError, match="version 3"):
            uow.plans.get(first.plan_id, 3)
        with pytest.raises(NotFoundError):
            uow.plans.versions("no-such-plan")


def test_a_version_stored_twice_is_a_conflict_and_the_first_stays(uow_factory, people):
    plan = a_plan(people["ada"])
    _store(uow_factory, plan)

    rival = a_plan(people["ada"], plan_id=plan.plan_id, summary="Written at the same time")
    with uow_factory() as uow:
        with pytest.raises(ConflictError, match="someone else changed this plan first"):
            uow.plans.add_version(rival)
        uow.commit()

    with uow_factory() as uow:
        assert uow.plans.get(plan.plan_id) == plan


def test_a_plan_of_an_unknown_person_is_refused(uow_factory):
    with uow_factory() as uow, pytest.raises(NotFoundError, match="person"):
        uow.plans.add_version(a_plan(a_person()))


def test_a_person_plans_come_oldest_plan_first(uow_factory, people):
    older = a_plan(people["ada"], created_at=datetime(2026, 1, 5, tzinfo=UTC))
    newer = a_plan(people["ada"], created_at=datetime(2026, 2, 5, tzinfo=UTC))
    revised_older = older.revise(changed_by="Sam", changed_at=datetime(2026, 3, 1, tzinfo=UTC))
    _store(uow_factory, newer, older, revised_older)

    with uow_factory() as uow:
        assert uow.plans.list_for_person(people["ada"].id) == [revised_older, newer]
        assert uow.plans.list_for_person(people["bo"].id) == []


def test_the_plan_of_a_goal_is_the_newest_version_of_its_plan(uow_factory, people):
    walk, cook = a_goal("Walk to the shop"), a_goal("Cook a meal")
    first = a_plan(people["ada"], walk, cook)
    second = first.revise(
        changed_by="Sam", changed_at=datetime(2026, 3, 1, tzinfo=UTC), goals=(walk,)
    )
    _store(uow_factory, first, second)

    with uow_factory() as uow:
        assert uow.plans.plan_of_goal(cook.id) == second
        with pytest.raises(NotFoundError, match="goal"):
            uow.plans.plan_of_goal("no-such-goal")


def test_reviews_due_are_of_the_team_newest_versions_by_date(uow_factory, people):
    ada_plan = a_plan(people["ada"], review_on=date(2026, 6, 1))
    ada_moved = ada_plan.revise(
        changed_by="Sam", changed_at=datetime(2026, 3, 1, tzinfo=UTC), review_on=date(2026, 7, 1)
    )
    bo_plan = a_plan(people["bo"], review_on=date(2026, 5, 1))
    cy_plan = a_plan(people["cy"], review_on=date(2026, 4, 1))
    _store(uow_factory, ada_plan, ada_moved, bo_plan, cy_plan)

    home = people["home"].id
    with uow_factory() as uow:
        assert uow.plans.reviews_due(home, date(2026, 6, 15)) == [
            (people["bo"].id, date(2026, 5, 1))
        ]
        assert uow.plans.reviews_due(home, date(2026, 7, 1)) == [
            (people["bo"].id, date(2026, 5, 1)),
            (people["ada"].id, date(2026, 7, 1)),
        ]


def test_ratings_come_by_day_and_one_stored_twice_is_a_conflict(uow_factory, people):
    plan = a_plan(people["ada"])
    goal_id = plan.goals[0].id
    later = GasRating(goal_id, date(2026, 3, 9), 0, "Sam")
    earlier = GasRating(goal_id, date(2026, 3, 2), -1, "Sam")
    _store(uow_factory, plan)
    with uow_factory() as uow:
        uow.ratings.add_for_person(people["ada"].id, [later, earlier])
        uow.commit()

    with uow_factory() as uow:
        with pytest.raises(ConflictError):
            uow.ratings.add_for_person(people["ada"].id, [later])
        assert uow.ratings.list_for_person(people["ada"].id) == [earlier, later]
        assert uow.ratings.list_for_person(people["bo"].id) == []


def test_conversations_on_one_day_follow_the_pathway(uow_factory, people):
    def held(kind: ConversationKind, ident: str) -> Conversation:
        return Conversation(
            person_id=people["ada"].id,
            kind=kind,
            held_on=date(2026, 3, 2),
            held_by="Sam",
            agreed="Next steps",
            topics=dict.fromkeys(REQUIRED_TOPICS[kind], "notes"),
            review_on=date(2026, 3, 9) if kind is ConversationKind.CRISIS else None,
            id=ident,
        )

    crisis, listen = (
        held(ConversationKind.CRISIS, "a"),
        held(ConversationKind.LISTEN_AND_CONNECT, "b"),
    )
    with uow_factory() as uow:
        uow.conversations.add_all([crisis, listen])
        uow.commit()

    with uow_factory() as uow:
        assert uow.conversations.list_for_person(people["ada"].id) == [listen, crisis]


def test_removing_a_person_removes_their_plans_and_ratings(uow_factory, people):
    plan = a_plan(people["ada"])
    _store(uow_factory, plan)
    with uow_factory() as uow:
        uow.ratings.add_for_person(
            people["ada"].id, [GasRating(plan.goals[0].id, date(2026, 3, 2), 0, "Sam")]
        )
        uow.people.remove(people["ada"].id)
        uow.commit()

    with uow_factory() as uow:
        assert uow.plans.list_for_person(people["ada"].id, all_versions=True) == []
        assert uow.ratings.list_for_person(people["ada"].id) == []
        with pytest.raises(NotFoundError):
            uow.plans.get(plan.plan_id)


def test_a_person_with_a_plan_and_visits_keeps_both(uow_factory, people):
    plan = a_plan(people["ada"])
    _store(uow_factory, plan)
    with uow_factory() as uow:
        uow.visits.add(a_visit(people["ada"], required_skills=frozenset()))
        uow.commit()

    with uow_factory() as uow, pytest.raises(ConflictError, match="cannot be removed"):
        uow.people.remove(people["ada"].id)
    with uow_factory() as uow:
        assert uow.plans.get(plan.plan_id) == plan
