"""A visit's status as the team's lists show it: words with a glyph, never colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from careweave.domain.visits.recording import Lateness
from careweave.domain.visits.visit import VisitStatus
from careweave.services.visits.team_day import VisitLine


@dataclass(frozen=True, slots=True)
class StatusBadge:
    """How one visit's status reads: the modifier of its CSS class and its words."""

    style: str
    words: str


_LATENESS = {
    Lateness.MISSED: StatusBadge("missed", "✕ missed"),
    Lateness.LATE: StatusBadge("late", "! late"),
}
_STATUS = {
    VisitStatus.IN_PROGRESS: StatusBadge("in_progress", "▶ in progress"),
    VisitStatus.DONE: StatusBadge("done", "✓ done"),
    VisitStatus.PLANNED: StatusBadge("unassigned", "? not assigned"),
}
# An assigned visit reads "planned"; so, as before, does one whose status is missed or cancelled.
_ANY_OTHER = StatusBadge("assigned", "planned")


def status_badge(line: VisitLine) -> StatusBadge:
    """The badge of the visit on ``line``: its lateness first, then its status."""
    if line.lateness is not None:
        return _LATENESS[line.lateness]
    return _STATUS.get(line.visit.status, _ANY_OTHER)
