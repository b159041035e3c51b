"""The board page names the people whose plan review is due or overdue, and why, only on their
own team's board (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tests.integration.web.conftest import DAY, World

from careweave.domain.people.person import Person
from careweave.domain.plans.care_plan import CarePlan, FundingSource


def _give_plan(world: World, person: Person, review_on: date) -> None:
    plan = CarePlan(
        person_id=person.id,
        review_on=review_on,
        review_by="Pat Poplar",
        funding_source=FundingSource.LOCAL_AUTHORITY,
        created_by="Pat Poplar",
        created_at=datetime(2026, 1, 5, tzinfo=UTC),
    )
    with world.services.uow_factory() as uow:
        uow.plans.add_version(plan)
        uow.commit()


def test_board_shows_plan_reviews_due_with_the_reason(world: World) -> None:
    _give_plan(world, world.person_a, DAY + timedelta(days=3))
    _give_plan(world, world.person_b, DAY - timedelta(days=1))
    alice = world.browser("alice")

    page = alice.get(f"/teams/{world.team_a.id}/board", params={"day": DAY.isoformat()})

    assert page.status_code == 200
    reviews = page.text.split('id="reviews"', 1)[1]
    assert "plan review due Thu 05 Mar" in reviews
    assert world.person_a.family_name in reviews
    assert world.person_b.family_name not in page.text
    assert "plan review overdue" not in page.text


def test_overdue_review_shows_on_its_own_teams_board(world: World) -> None:
    _give_plan(world, world.person_b, DAY - timedelta(days=1))
    cora = world.browser("cora")

    page = cora.get(f"/teams/{world.team_b.id}/board", params={"day": DAY.isoformat()})

    assert page.status_code == 200
    assert "plan review overdue (was due Sun 01 Mar)" in page.text.split('id="reviews"', 1)[1]
