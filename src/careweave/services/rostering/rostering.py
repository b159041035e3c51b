"""Plan a team's week with the roster optimiser and store the roster it finds.

The records are read in one transaction, the optimiser runs with no transaction open (it may take
a minute), and the result is written in a second transaction that refuses to overwrite any visit
somebody changed in the meantime: nothing anyone recorded is lost, and planning can simply be run
again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from careweave import scheduling as rs
from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.commissioning.time_banks import block_end, block_of
from careweave.domain.errors import DomainValidationError
from careweave.domain.visits.visit import VisitStatus
from careweave.scheduling.solve import solve
from careweave.scheduling.stop import MaxRuntime
from careweave.services.accounts.access import Actor, check_can_manage_team
from careweave.services.accounts.audit import AuditTrail
from careweave.services.commissioning.time_banks import hours_left
from careweave.services.rostering.roster_problem import (
    WeekProblem,
    assignments_from,
    build_week_problem,
    history_window,
)
from careweave.services.rostering.unit_of_work import RosteringUnitOfWork


@dataclass(frozen=True)
class PlanOutcome:
    """What planning a week did.

    Attributes
    ----------
    team_name, week_start
        Which team and week.
    visits, assigned
        How many visits were planned, and how many now have their workers.
    unassigned
        Each visit left without workers, with the rule that kept it out in plain words.
    report
        The independent checker's verdict and figures for the stored roster.
    seconds
        Time the optimiser ran.
    """

    team_name: str
    week_start: date
    visits: int
    assigned: int
    unassigned: Mapping[str, str]
    report: rs.CheckReport
    seconds: float


class RosteringService:
    """Planning a team's week with the roster optimiser.

    The records are read in one transaction and the roster written in a second: the optimiser
    runs in between with no transaction open, for as long as it is given.
    """

    def __init__(self, uow_factory: Callable[[], RosteringUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def plan_team_week(
        self,
        actor: Actor,
        team_ref: str,
        week_start: date,
        *,
        seconds: float = 30.0,
        seed: int = 0,
    ) -> PlanOutcome:
        """Plan the visits of team ``team_ref`` (its id or name) for the week from Monday ``week_start``."""
        if week_start.weekday() != 0:
            raise DomainValidationError("week", "must start on a Monday")
        week = self._load_week(actor, team_ref, week_start)
        if not week.visits:
            raise DomainValidationError("week", "the team has no planned visits that week")
        result = solve(week.problem, MaxRuntime(seconds), seed=seed)
        report = rs.check(week.problem, result.roster)
        assigned = self._store(actor, week, result.roster)
        unassigned = dict(week.unstaffable) | {
            week.task_visit[task][0]: reason for task, reason in sorted(result.unassigned.items())
        }
        return PlanOutcome(
            team_name=week.problem.name,
            week_start=week_start,
            visits=len(week.visits) + len(week.unstaffable),
            assigned=assigned,
            unassigned=unassigned,
            report=report,
            seconds=result.seconds,
        )

    def _load_week(self, actor: Actor, team_ref: str, week_start: date) -> WeekProblem:
        with self._uow_factory() as uow:
            team = uow.teams.find_by_name(team_ref) or uow.teams.get(team_ref)
            check_can_manage_team(actor, team.id)
            people = uow.people.list(team_id=team.id)
            workers = uow.workers.list(team_id=team.id)
            visits = uow.visits.list(
                team_id=team.id, day_from=week_start, day_to=week_start + _SIX_DAYS
            )
            earlier_from, earlier_to = history_window(week_start)
            history: dict[str, Counter[str]] = {}
            for visit in uow.visits.list(team_id=team.id, day_from=earlier_from, day_to=earlier_to):
                if visit.status in (
                    VisitStatus.DONE,
                    VisitStatus.ASSIGNED,
                    VisitStatus.IN_PROGRESS,
                ):
                    history.setdefault(visit.person_id, Counter()).update(visit.assigned_worker_ids)
            # The balance the ledger gives at the end of the week's four-week block.
            banks = hours_left(uow.ledger, [p.id for p in people], block_end(block_of(week_start)))
            self._audit.record(
                uow,
                actor,
                AuditAction.READ,
                "team_week",
                team.id,
                team_id=team.id,
                detail=f"read {len(visits)} visits to plan the week of {week_start.isoformat()}",
            )
            uow.commit()
        try:
            return build_week_problem(
                team, people, workers, visits, history, week_start, time_banks=banks
            )
        except rs.ProblemError as exc:
            # The records are valid one by one but cannot make a plan together, e.g. a double-handed
            # visit that no two of the team's workers can do: say which and why.
            raise DomainValidationError("team_week", str(exc)) from None

    def _store(self, actor: Actor, week: WeekProblem, roster: rs.Roster) -> int:
        assignments = assignments_from(week, roster)
        changed = []
        for visit in week.visits.values():
            plan = assignments.get(visit.id)
            if plan is None:
                if visit.status is VisitStatus.ASSIGNED:
                    visit.unassign()
                    changed.append(visit)
                continue
            planned = (visit.assigned_worker_ids, visit.planned_start, visit.planned_minutes)
            if planned != (plan.worker_ids, plan.start, plan.minutes):
                if visit.status is VisitStatus.ASSIGNED:
                    visit.unassign()
                visit.assign(plan.worker_ids, plan.start, plan.minutes)
                changed.append(visit)
        with self._uow_factory() as uow:
            # update_all refuses the whole batch if any visit changed since it was read.
            uow.visits.update_all(changed)
            self._audit.record(
                uow,
                actor,
                AuditAction.UPDATE,
                "team_week",
                week.team.id,
                team_id=week.team.id,
                detail=f"roster planned: {len(assignments)} visits assigned, {len(changed)} changed",
            )
            uow.commit()
        return len(assignments)


_SIX_DAYS = timedelta(days=6)
