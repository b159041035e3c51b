"""What the team board shows: today's visits, who is where, late and missed visits, and the people
whose care needs a second look.

"Needs a review" here means: the review of the person's care and support plan is due within seven
days or overdue, or in the last seven days a visit to the person was alerted as late or missed, or
a medication was refused or not given.

The board is the page a team keeps open all day, so it is built in one transaction with one query
per kind of record (people, workers, visits, records, alerts, plans), never one per row.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import NotFoundError, PermissionDeniedError
from careweave.domain.people.person import Person
from careweave.domain.visits.recording import (
    MISSED_OR_LATE,
    REASON_REQUIRED,
    Lateness,
    VisitRecord,
    lateness,
)
from careweave.domain.visits.visit import Visit, VisitStatus
from careweave.domain.workforce.workers import Team, Worker
from careweave.services.accounts.access import Actor, check_can_see_visit, visit_team_filter
from careweave.services.accounts.audit import AuditTrail
from careweave.services.visits.unit_of_work import VisitsUnitOfWork

REVIEW_LOOKBACK_DAYS = 7
PLAN_REVIEW_AHEAD_DAYS = 7
NOT_CANCELLED = tuple(s for s in VisitStatus if s is not VisitStatus.CANCELLED)


@dataclass(frozen=True, slots=True)
class VisitLine:
    """One visit as the board lists it."""

    visit: Visit
    person: Person
    workers: tuple[Worker, ...]
    records: tuple[VisitRecord, ...]
    lateness: Lateness | None

    @property
    def start(self) -> time:
        """Planned start, or the window start when none is planned."""
        return self.visit.planned_start or self.visit.window_start

    @property
    def end(self) -> time:
        """Planned start plus the visit's planned length."""
        moment = datetime.combine(self.visit.day, self.start)
        return (moment + timedelta(minutes=self.visit.planned_length)).time()

    @property
    def away_from_home(self) -> bool:
        """True when a worker checked in or out far from the person's home."""
        return any(
            r.check_in.away_from_home or (r.check_out is not None and r.check_out.away_from_home)
            for r in self.records
        )


@dataclass(frozen=True, slots=True)
class WorkerNow:
    """Where a worker is, in words."""

    worker: Worker
    doing: str


@dataclass(frozen=True, slots=True)
class ReviewFlag:
    """A person whose care needs a second look, and why."""

    person: Person
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TeamDay:
    """Everything the team board shows for one team and day."""

    team: Team
    day: date
    now: datetime
    lines: tuple[VisitLine, ...]
    workers_now: tuple[WorkerNow, ...]
    open_alert_count: int
    reviews: tuple[ReviewFlag, ...]
    teams: tuple[Team, ...] = ()

    @property
    def late(self) -> tuple[VisitLine, ...]:
        """Visits late now (not yet missed)."""
        return tuple(line for line in self.lines if line.lateness is Lateness.LATE)

    @property
    def missed(self) -> tuple[VisitLine, ...]:
        """Visits missed (nobody came within two hours of the window)."""
        return tuple(line for line in self.lines if line.lateness is Lateness.MISSED)


def check_team_access(actor: Actor, team_id: str) -> None:
    """Raise unless ``actor`` may see the team's visits (its workers and coordinator).

    Other roles get PermissionDeniedError; a worker of another team NotFoundError (learns nothing).
    """
    scope = visit_team_filter(actor)
    if scope is not None and team_id not in scope:
        raise NotFoundError("team", team_id)


class TeamDayService:
    """What a team and its workers see of a day: the board, a worker's visits, one visit; each
    read checks access, is audited and is one transaction."""

    def __init__(self, uow_factory: Callable[[], VisitsUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._audit = AuditTrail(clock)

    def team_day(self, actor: Actor, team_id: str, day: date, now: datetime) -> TeamDay:
        """The board of ``team_id`` on ``day`` as seen at ``now``, with the teams ``actor`` may switch
        to (``teams``); one audit entry records the listing."""
        check_team_access(actor, team_id)
        with self._uow_factory() as uow:
            teams = teams_in_scope(uow, actor)
            team = next((t for t in teams if t.id == team_id), None)
            if team is None:
                raise NotFoundError("team", team_id)
            visits = _visits(uow, team_id, day, day)
            records = _records_by_visit(uow, visits)
            reasons = _review_reasons(uow, team_id, day)
            people = _people(uow, {v.person_id for v in visits} | reasons.keys())
            team_workers = uow.workers.list(team_id=team_id, active=True)
            workers = _workers(uow, visits, team_workers)
            open_alerts = uow.alerts.count(team_ids=[team_id], open_only=True)
            self._audit.record(
                uow, actor, AuditAction.LIST, "visit", "", team_id=team_id, detail="board"
            )
            uow.commit()
        today = tuple(_lines(visits, people, workers, records, now))
        return TeamDay(
            team=team,
            day=day,
            now=now,
            lines=today,
            workers_now=tuple(WorkerNow(w, _doing(w, today, now)) for w in team_workers),
            open_alert_count=open_alerts,
            reviews=_flags(reasons, people),
            teams=tuple(teams),
        )

    def my_teams(self, actor: Actor) -> list[Team]:
        """The teams whose days ``actor`` may see, by name (every team for an admin)."""
        with self._uow_factory() as uow:
            return teams_in_scope(uow, actor)

    def my_visits(
        self, actor: Actor, first: date, now: datetime, *, days: int = 1
    ) -> list[VisitLine]:
        """The signed-in care worker's visits from ``first`` for ``days`` days, by day and start."""
        if actor.worker_id is None:
            raise PermissionDeniedError("only care workers have visits of their own")
        last = first + timedelta(days=days - 1)
        with self._uow_factory() as uow:
            worker = uow.workers.get(actor.worker_id)
            check_team_access(actor, worker.team_id)
            lines = visit_lines(uow, worker.team_id, first, last, now)
            self._audit.record(
                uow,
                actor,
                AuditAction.LIST,
                "visit",
                "",
                team_id=worker.team_id,
                detail="my visits",
            )
            uow.commit()
        return [line for line in lines if actor.worker_id in line.visit.assigned_worker_ids]

    def visit_line(self, actor: Actor, visit_id: str, now: datetime) -> VisitLine:
        """One visit with its person, workers and records, for the people who may see it in full."""
        with self._uow_factory() as uow:
            visit = uow.visits.get(visit_id)
            person = uow.people.get(visit.person_id)
            check_can_see_visit(actor, visit, person)
            workers = uow.workers.list(ids=set(visit.assigned_worker_ids))
            records = uow.visit_records.list_for_visits([visit.id])
            self._audit.record(
                uow, actor, AuditAction.READ, "visit", visit.id, team_id=person.team_id
            )
            uow.commit()
        order = {w: i for i, w in enumerate(visit.assigned_worker_ids)}
        return VisitLine(
            visit=visit,
            person=person,
            workers=tuple(sorted(workers, key=lambda w: order[w.id])),
            records=tuple(records),
            lateness=lateness(visit, now),
        )


def visit_lines(
    uow: VisitsUnitOfWork, team_id: str, first: date, last: date, now: datetime
) -> list[VisitLine]:
    """The team's visits from ``first`` to ``last`` (not cancelled), with people, workers and
    records, by day and start; call inside an open unit of work."""
    visits = _visits(uow, team_id, first, last)
    records = _records_by_visit(uow, visits)
    people = _people(uow, {v.person_id for v in visits})
    workers = _workers(uow, visits, ())
    return _lines(visits, people, workers, records, now)


def _visits(uow: VisitsUnitOfWork, team_id: str, first: date, last: date) -> Sequence[Visit]:
    return uow.visits.list(team_id=team_id, day_from=first, day_to=last, status=NOT_CANCELLED)


def _records_by_visit(
    uow: VisitsUnitOfWork, visits: Sequence[Visit]
) -> dict[str, list[VisitRecord]]:
    records: dict[str, list[VisitRecord]] = {}
    if visits:
        for record in uow.visit_records.list_for_visits([v.id for v in visits]):
            records.setdefault(record.visit_id, []).append(record)
    return records


def _people(uow: VisitsUnitOfWork, ids: Collection[str]) -> dict[str, Person]:
    return {p.id: p for p in uow.people.list(ids=ids)} if ids else {}


def _workers(
    uow: VisitsUnitOfWork, visits: Iterable[Visit], known: Sequence[Worker]
) -> dict[str, Worker]:
    """The workers assigned to ``visits`` by id, reading only those not already ``known``."""
    workers = {w.id: w for w in known}
    missing = {w for v in visits for w in v.assigned_worker_ids} - workers.keys()
    if missing:
        workers.update((w.id, w) for w in uow.workers.list(ids=missing))
    return workers


def _lines(
    visits: Iterable[Visit],
    people: Mapping[str, Person],
    workers: Mapping[str, Worker],
    records: Mapping[str, Sequence[VisitRecord]],
    now: datetime,
) -> list[VisitLine]:
    lines = [
        VisitLine(
            visit=v,
            person=people[v.person_id],
            workers=tuple(workers[w] for w in v.assigned_worker_ids if w in workers),
            records=tuple(records.get(v.id, ())),
            lateness=lateness(v, now),
        )
        for v in visits
    ]
    return sorted(lines, key=lambda line: (line.visit.day, line.start, line.person.family_name))


def _doing(worker: Worker, lines: Sequence[VisitLine], now: datetime) -> str:
    mine = [line for line in lines if worker.id in line.visit.assigned_worker_ids]
    for line in mine:
        record = next((r for r in line.records if r.worker_id == worker.id and r.is_open), None)
        if record is not None:
            since = record.check_in.at.strftime("%H:%M")
            return f"with {line.person.display_name} since {since}"
    upcoming = [line for line in mine if line.visit.is_pending]
    later = [line for line in upcoming if datetime.combine(line.visit.day, line.start) >= now]
    if later:
        return f"next: {later[0].person.display_name} at {later[0].start.strftime('%H:%M')}"
    if upcoming:
        return (
            f"overdue: {upcoming[0].person.display_name} at {upcoming[0].start.strftime('%H:%M')}"
        )
    if mine:
        return "all of today's visits done"
    return "no visits today"


def _review_reasons(uow: VisitsUnitOfWork, team_id: str, day: date) -> dict[str, list[str]]:
    """Why each of the team's people needs a review as of ``day``, by person id."""
    reasons: dict[str, list[str]] = {}
    for person_id, review_on in uow.plans.reviews_due(
        team_id, day + timedelta(days=PLAN_REVIEW_AHEAD_DAYS)
    ):
        reasons.setdefault(person_id, []).append(plan_review_reason(review_on, day))
    first = day - timedelta(days=REVIEW_LOOKBACK_DAYS - 1)
    late: dict[tuple[str, date], Lateness] = {}
    for person_id, visit_day, kind in uow.alerts.raised_since(
        team_id, datetime.combine(first, time())
    ):
        if kind not in MISSED_OR_LATE:
            continue  # an early check-in is on the alerts page, with its reason
        # a missed visit was late first; say only the worse
        if late.get((person_id, visit_day)) is not Lateness.MISSED:
            late[(person_id, visit_day)] = kind
    for (person_id, visit_day), kind in late.items():
        reasons.setdefault(person_id, []).append(f"{kind.value} visit on {visit_day:%a %d %b}")
    for person_id, _, outcome in uow.visit_records.medication_results(
        team_id, first, day, REASON_REQUIRED
    ):
        why = f"{outcome.item}: {outcome.result.value.replace('_', ' ')} ({outcome.reason})"
        reasons.setdefault(person_id, []).append(why)
    return reasons


def plan_review_reason(review_on: date, day: date) -> str:
    """Why a plan to be reviewed on ``review_on`` needs a look on ``day``, in words."""
    if review_on < day:
        return f"plan review overdue (was due {review_on:%a %d %b})"
    return f"plan review due {review_on:%a %d %b}"


def _flags(
    reasons: Mapping[str, Sequence[str]], people: Mapping[str, Person]
) -> tuple[ReviewFlag, ...]:
    return tuple(
        ReviewFlag(people[pid], tuple(why))
        for pid, why in sorted(reasons.items(), key=lambda kv: people[kv[0]].family_name)
    )


def teams_in_scope(uow: VisitsUnitOfWork, actor: Actor) -> list[Team]:
    """The teams whose days ``actor`` may see, by name (one query, however many teams they have);
    call inside an open unit of work. PermissionDeniedError for roles outside the teams."""
    scope = visit_team_filter(actor)
    return [team for team in uow.teams.list() if scope is None or team.id in scope]
