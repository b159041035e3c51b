"""A team's telecare figures for commissioners and coordinators: response times against the TEC
Services Association's targets, alerts per person per week and false alarms by rule. Counts only;
reading them is audited."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.telecare.figures import (
    ResponseShare,
    RuleFigures,
    response_shares,
    rule_figures,
)
from careweave.services.accounts.access import Actor, check_can_see_aggregates
from careweave.services.accounts.audit import AuditTrail
from careweave.services.telecare.unit_of_work import TelecareUnitOfWork

DAYS = 28


@dataclass(frozen=True, slots=True)
class TeamFigures:
    """One team's figures over the last ``days`` days."""

    team_id: str
    days: int
    people: int
    alerts: int
    responses: list[ResponseShare]
    rules: list[RuleFigures]


class FiguresService:
    """Reads the figures (commissioners and coordinators; never a name).

    Parameters
    ----------
    uow_factory
        Makes the unit of work of each call.
    clock
        Says what time it is (the period ends now).
    """

    def __init__(self, uow_factory: Callable[[], TelecareUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._trail = AuditTrail(clock)

    def team(self, actor: Actor, team_id: str, days: int = DAYS) -> TeamFigures:
        """The figures of ``team_id`` over the last ``days`` days."""
        check_can_see_aggregates(actor, team_id)
        now = self._clock.now()
        with self._uow_factory() as uow:
            alerts = uow.telecare_alerts.list(
                team_ids={team_id}, raised_from=now - timedelta(days=days)
            )
            members = {p.id for p in uow.people.list(team_id=team_id)}
            fitted = (
                {d.person_id for d in uow.devices.list(person_ids=members)} if members else set()
            )
            self._trail.record(
                uow,
                actor,
                AuditAction.READ,
                "telecare_figures",
                team_id,
                team_id=team_id,
                detail=f"{days} days",
            )
            uow.commit()
        return TeamFigures(
            team_id=team_id,
            days=days,
            people=len(fitted),
            alerts=len(alerts),
            responses=response_shares(alerts, now),
            rules=rule_figures(alerts, len(fitted), days / 7),
        )
