"""Recording a visit: check in, record what happened, check out.

Every submission carries an idempotency key from the form. A form sent twice (a phone that lost
its connection and retried) is carried out once: the second submission finds the key and gets the
first one's result. A key reused for different content is refused. Every submission also names the
visit version the form was drawn from, so a visit changed in the meantime (reassigned, moved,
cancelled) is answered with :class:`~careweave.domain.errors.ConflictError`, never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import ConflictError, DomainValidationError, PermissionDeniedError
from careweave.domain.people.person import Person
from careweave.domain.values import Location
from careweave.domain.visits.recording import (
    Alert,
    CheckPoint,
    Lateness,
    Outcomes,
    VisitRecord,
    finish_visit_if_complete,
    start_visit,
)
from careweave.domain.visits.timing import is_early_check_in
from careweave.domain.visits.visit import Visit
from careweave.services.accounts.access import Actor, check_can_record_visit
from careweave.services.accounts.audit import AuditTrail
from careweave.services.accounts.idempotency import Idempotency, already_done, remember
from careweave.services.plans.progress_goals import check_progress_goal, read_current_goals
from careweave.services.visits.unit_of_work import VisitsUnitOfWork

RECORD_KIND = "visit_record"


@dataclass(frozen=True, slots=True)
class Submission:
    """What every recording form sends besides its content; ``reason`` is the worker's words for
    an early check-in, or for a check-out much sooner than planned (see
    :mod:`careweave.domain.visits.timing`)."""

    visit_id: str
    expected_version: int
    idempotency_key: str
    at: datetime
    location: Location | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RecordResult:
    """The worker's record after a submission, and whether this submission was a repeat."""

    record: VisitRecord
    repeated: bool = False


class RecordingService:
    """Checking in and out of visits and recording what happened; each submission is one
    transaction, carried out at most once per idempotency key."""

    def __init__(self, uow_factory: Callable[[], VisitsUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def check_in(self, actor: Actor, submission: Submission) -> RecordResult:
        """Check the actor in to the visit (the visit starts at its first check-in).

        A check-in far earlier than planned needs a reason and raises an alert to the team's
        coordinator with it (once per visit).
        """
        idem = Idempotency.of(
            submission.idempotency_key, ["check_in", submission.visit_id, submission.reason]
        )

        def write() -> RecordResult:
            with self._uow_factory() as uow:
                repeat = _repeat(uow, actor, idem)
                if repeat is not None:
                    return repeat
                visit, person, worker_id = _open_visit(uow, actor, submission)
                point = CheckPoint.taken(submission.at, submission.location, person.location)
                record = start_visit(visit, worker_id, point, submission.reason)
                uow.visits.update(visit)
                uow.visit_records.add(record)
                _tell_coordinator_if_early(uow, visit, person, record)
                remember(uow, actor, idem, RECORD_KIND, record.id, at=self._clock.now())
                self._audit.record(
                    uow,
                    actor,
                    AuditAction.CREATE,
                    RECORD_KIND,
                    record.id,
                    team_id=person.team_id,
                    detail="checked in",
                )
                uow.commit()
                return RecordResult(record)

        return self._once(actor, idem, write)

    def record_outcomes(
        self,
        actor: Actor,
        submission: Submission,
        outcomes: Outcomes,
        *,
        check_out: bool,
    ) -> RecordResult:
        """Save what happened on the visit and, when ``check_out``, check the actor out.

        The visit is marked done once every worker it needs has checked out; the submission's
        reason says why a visit was much shorter than planned, when the page asked. A progress note must be about one of the person's
        current goals (see :mod:`.progress_goals`).
        """
        idem = Idempotency.of(
            submission.idempotency_key,
            ["outcomes", submission.visit_id, repr(outcomes), check_out, submission.reason],
        )

        def write() -> RecordResult:
            with self._uow_factory() as uow:
                repeat = _repeat(uow, actor, idem)
                if repeat is not None:
                    return repeat
                visit, person, worker_id = _open_visit(uow, actor, submission)
                if outcomes.progress is not None:
                    check_progress_goal(outcomes.progress, read_current_goals(uow.plans, person.id))
                record = uow.visit_records.find(visit.id, worker_id)
                if record is None:
                    raise DomainValidationError("visit_record", "check in to the visit first")
                record.record(outcomes)
                if check_out:
                    point = CheckPoint.taken(submission.at, submission.location, person.location)
                    record.finish(point, submission.reason)
                uow.visit_records.update(record)
                if finish_visit_if_complete(
                    visit, [*uow.visit_records.list_for_visits([visit.id])]
                ):
                    uow.visits.update(visit)
                remember(uow, actor, idem, RECORD_KIND, record.id, at=self._clock.now())
                self._audit.record(
                    uow,
                    actor,
                    AuditAction.UPDATE,
                    RECORD_KIND,
                    record.id,
                    team_id=person.team_id,
                    detail="checked out" if check_out else "recorded outcomes",
                )
                uow.commit()
                return RecordResult(record)

        return self._once(actor, idem, write)

    def _once(
        self, actor: Actor, idem: Idempotency, write: Callable[[], RecordResult]
    ) -> RecordResult:
        """Carry out ``write`` (which returns the earlier result itself when the key was used).

        When two copies of one submission race, the loser's write conflicts (on the visit version or
        the key); if the winner stored the same key, the loser gets the winner's result.
        """
        try:
            return write()
        except ConflictError:
            with self._uow_factory() as uow:
                repeat = _repeat(uow, actor, idem)
            if repeat is None:
                raise
            return repeat


def _open_visit(
    uow: VisitsUnitOfWork, actor: Actor, submission: Submission
) -> tuple[Visit, Person, str]:
    """The visit, its person and the actor's worker id, after the access and version checks."""
    visit = uow.visits.get(submission.visit_id)
    person = uow.people.get(visit.person_id)
    check_can_record_visit(actor, visit, person)
    if actor.worker_id is None:
        raise PermissionDeniedError("only a care worker on the visit can record it")
    if visit.version != submission.expected_version:
        raise ConflictError(
            "the visit was changed by someone else since you opened it; reload to see it now",
            field="visit.version",
        )
    return visit, person, actor.worker_id


def _tell_coordinator_if_early(
    uow: VisitsUnitOfWork, visit: Visit, person: Person, record: VisitRecord
) -> None:
    """Raise an early check-in alert with the worker's reason, unless the visit has one already
    (the second worker of a double-handed visit arriving early too)."""
    if not is_early_check_in(visit, record.check_in.at) or person.team_id is None:
        return
    if (visit.id, Lateness.EARLY_CHECK_IN) in uow.alerts.raised_for([visit.id]):
        return
    alert = Alert(
        visit_id=visit.id,
        team_id=person.team_id,
        kind=Lateness.EARLY_CHECK_IN,
        raised_at=record.check_in.at,
        reason=record.check_in_reason,
    )
    uow.alerts.add(alert)


def _repeat(uow: VisitsUnitOfWork, actor: Actor, idem: Idempotency) -> RecordResult | None:
    """The earlier result when this key was used before (ConflictError if for something else)."""
    record_id = already_done(uow, actor, idem, RECORD_KIND)
    if record_id is None:
        return None
    return RecordResult(uow.visit_records.get(record_id), repeated=True)
