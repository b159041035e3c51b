"""The demo scheme: written with the demo neighbourhood in one transaction, and the board works
on it (about 40 households, 25 people waiting, some arrangements running)."""

from __future__ import annotations

from datetime import UTC, datetime

from careweave.bootstrap import Services
from careweave.clock import FixedClock
from careweave.demo.data import generate_neighbourhood
from careweave.demo.family_support import generate_scheme, store_scheme
from careweave.demo.seed import seed_demo
from careweave.domain.accounts.users import Role
from careweave.services.accounts.access import Actor


def test_the_demo_scheme_is_seeded_and_matched(services: Services, clock: FixedClock) -> None:
    neighbourhood = generate_neighbourhood(
        people=40, workers=6, teams=2, seed=3, week_start=clock.today()
    )
    scheme = generate_scheme(neighbourhood, seed=3)
    result = seed_demo(
        services.uow_factory, neighbourhood, also=lambda uow: store_scheme(uow, scheme)
    )
    assert result.seeded
    counts = scheme.counts()
    assert counts["carer households"] == 40
    assert 24 <= counts["people waiting"] <= 27
    assert counts["arrangements"] >= 3
    monday = neighbourhood.week_start
    clock.set(datetime(monday.year, monday.month, monday.day, 9, tzinfo=UTC))
    team = neighbourhood.teams[0].id
    coordinator = Actor("u", "c", "C", Role.COORDINATOR, team_ids=frozenset({team}))
    board = services.family_matching.board(coordinator, team)
    assert len(board.rows) == counts["people waiting"]
    assert board.matched > 0
    figures, _ = services.family_arrangements.figures(coordinator, team)
    assert figures.running_long_term == counts["arrangements"]
    assert figures.started_six_months_ago >= 1
