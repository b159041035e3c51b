"""Reablement episodes through the service on both databases: the 42-day rule, reviews, the
board and the report figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from tests.integration.plans.conftest import ADMIN
from tests.integration.storage_builders import a_person, a_team
from tests.unit.adapters.fhir.sample_record import barthel

from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.clock import FixedClock
from careweave.domain.errors import DomainValidationError
from careweave.domain.reablement.episodes import EndResult, WeeklyReview
from careweave.services.reablement.reablement import ReablementService

Factory = Callable[[], SqlUnitOfWork]
START = date(2026, 3, 2)


def service(uow: Factory) -> ReablementService:
    return ReablementService(uow, FixedClock(datetime(2026, 3, 20, tzinfo=UTC)))


def people(uow: Factory, n: int, team_name: str = "Easton") -> list[str]:
    team = a_team(team_name)
    found = [a_person(team, given=f"P{i}") for i in range(n)]
    with uow() as u:
        u.teams.add(team)
        u.people.add_all(found)
        u.commit()
    return [p.id for p in found]


def test_episode_life_and_board(plans_uow: Factory) -> None:
    (pid,) = people(plans_uow, 1)
    svc = service(plans_uow)
    episode = svc.start(ADMIN, pid, START, barthel_start=barthel(mobility=5, stairs=0))
    assert episode.planned_end_on == START + timedelta(days=41)
    svc.add_review(
        ADMIN, episode.id, WeeklyReview(START + timedelta(days=7), ("OT", "Physio"), "Better")
    )
    (row,) = svc.board(ADMIN, START + timedelta(days=10))
    assert row.day_number == 11
    assert row.free_days_left == 32
    assert row.next_review_due == START + timedelta(days=14)
    with pytest.raises(DomainValidationError) as err:
        svc.start(ADMIN, pid, START + timedelta(days=5))
    assert err.value.field == "episode"
    ended = svc.end(
        ADMIN,
        episode.id,
        ended_on=START + timedelta(days=30),
        result=EndResult.NO_ONGOING_SUPPORT,
        barthel_end=barthel(),
    )
    assert ended.barthel_change == 20
    assert svc.board(ADMIN, START + timedelta(days=31)) == []
    assert svc.episodes_of(ADMIN, pid) == [ended]


def test_too_long_without_reason_is_rejected_and_nothing_changes(plans_uow: Factory) -> None:
    (pid,) = people(plans_uow, 1)
    svc = service(plans_uow)
    episode = svc.start(ADMIN, pid, START)
    with pytest.raises(DomainValidationError) as err:
        svc.end(
            ADMIN,
            episode.id,
            ended_on=START + timedelta(days=50),
            result=EndResult.SAME_PACKAGE,
            barthel_end=None,
        )
    assert err.value.field == "episode.ended_on"
    assert not svc.episodes_of(ADMIN, pid)[0].ended
    with pytest.raises(DomainValidationError) as err:
        svc.start(
            ADMIN,
            people(plans_uow, 1, "Lawrence Hill")[0],
            START,
            planned_end_on=START + timedelta(days=60),
        )
    assert err.value.field == "episode.planned_end_on"


def test_goals_must_come_from_a_plan(plans_uow: Factory) -> None:
    (pid,) = people(plans_uow, 1)
    with pytest.raises(DomainValidationError) as err:
        service(plans_uow).start(ADMIN, pid, START, goal_ids=("g1",))
    assert err.value.field == "episode.goal_ids"


def test_report_figures(plans_uow: Factory) -> None:
    ids = people(plans_uow, 3)
    svc = service(plans_uow)
    results = (EndResult.NO_ONGOING_SUPPORT, EndResult.REDUCED_PACKAGE)
    for pid, result, start_score in zip(
        ids, results, (barthel(mobility=0), barthel(stairs=0)), strict=False
    ):
        e = svc.start(ADMIN, pid, START, barthel_start=start_score)
        svc.end(
            ADMIN, e.id, ended_on=START + timedelta(days=20), result=result, barthel_end=barthel()
        )
        svc.follow_up(
            ADMIN,
            e.id,
            checked_on=START + timedelta(days=120),
            at_home=result is EndResult.NO_ONGOING_SUPPORT,
        )
    svc.start(ADMIN, ids[2], START)
    figures = svc.figures(ADMIN)
    assert figures.episodes == 3
    assert figures.ended == 2
    assert figures.share_no_ongoing_support == pytest.approx(0.5)
    assert figures.median_barthel_change == pytest.approx(12.5)
    assert figures.share_at_home_after_91_days == pytest.approx(0.5)
