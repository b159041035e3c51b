"""Team figures: counting visits by the statuses a column of the report stands for."""

from __future__ import annotations

from datetime import date

from careweave.domain.visits.visit import STILL_TO_COME_STATUSES, VisitStatus
from careweave.services.workforce.teams import TeamFigures

FIGURES = TeamFigures(
    team_id="team-a",
    people=12,
    active_workers=5,
    visits_by_status={
        "planned": 3,
        "assigned": 20,
        "in_progress": 1,
        "done": 40,
        "missed": 2,
        "cancelled": 4,
    },
    day_from=date(2026, 3, 2),
    day_to=date(2026, 3, 29),
)


def test_one_status_is_its_own_count() -> None:
    assert FIGURES.visits_in([VisitStatus.DONE]) == 40


def test_visits_still_to_come_are_planned_assigned_and_under_way() -> None:
    assert FIGURES.visits_in(STILL_TO_COME_STATUSES) == 3 + 20 + 1


def test_no_status_counts_nothing() -> None:
    assert FIGURES.visits_in([]) == 0
