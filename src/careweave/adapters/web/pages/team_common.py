"""What the team's-day pages share: the recording unit of work, the clock, and reading dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, cast

from fastapi import Depends, Request

from careweave.adapters.web.deps import get_services
from careweave.domain.accounts.users import Role
from careweave.domain.errors import DomainValidationError, NotFoundError
from careweave.services.accounts.access import Actor
from careweave.services.visits.alerts import ScanSchedule
from careweave.services.visits.recording_ports import RecordingUnitOfWork


def recording_uow_factory(request: Request) -> Callable[[], RecordingUnitOfWork]:
    """The app's unit-of-work factory, which the composition root builds with the recording
    repositories (see :class:`careweave.adapters.storage.uow.SqlUnitOfWork`)."""
    return cast(Callable[[], RecordingUnitOfWork], get_services(request).uow_factory)


RecordingUow = Annotated[Callable[[], RecordingUnitOfWork], Depends(recording_uow_factory)]


def alert_scan_schedule(request: Request) -> ScanSchedule:
    """The app's schedule of late/missed scans (one per app, made on first use)."""
    schedule = getattr(request.app.state, "alert_scans", None)
    if not isinstance(schedule, ScanSchedule):
        schedule = ScanSchedule()
        request.app.state.alert_scans = schedule
    return schedule


Scans = Annotated[ScanSchedule, Depends(alert_scan_schedule)]


def local_now() -> datetime:
    """The wall-clock time visits are planned in, to the second."""
    return datetime.now().replace(microsecond=0)


def parse_day(field: str, value: str | None, default: date) -> date:
    """``value`` (YYYY-MM-DD) as a date, ``default`` when empty; a clear error naming ``field``."""
    if not value:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DomainValidationError(field, f"{value!r} is not a date like 2026-03-02") from None


def first_team(actor: Actor) -> str:
    """The team a team member's pages open on (their first team); NotFound for anyone else."""
    if not actor.team_ids:
        raise NotFoundError("team", "")
    return sorted(actor.team_ids)[0]


def can_manage(actor: Actor) -> bool:
    """True for those who may change rosters and acknowledge alerts (coordinators, admins)."""
    return actor.is_admin or actor.role is Role.COORDINATOR
