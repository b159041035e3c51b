"""The people who draw on care: list, read, create, change, remove, and who is coming when.

Every read and write of a person's record leaves an audit entry in the same transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import CareModel, Person
from careweave.domain.visits.visit import STILL_TO_COME_STATUSES, VisitStatus
from careweave.services.accounts.access import (
    Actor,
    check_can_create_person,
    check_can_edit_person,
    check_can_plan_visits,
    check_can_see_person,
    check_can_see_upcoming_visits,
    listable_people_filter,
)
from careweave.services.accounts.audit import AuditTrail
from careweave.services.accounts.idempotency import Idempotency, already_done, remember
from careweave.services.listing import Paged, empty_page, require_team, team_filter
from careweave.services.people.unit_of_work import PeopleUnitOfWork

KIND = "person"
MAX_UPCOMING_DAYS = 62


@dataclass(frozen=True, slots=True)
class UpcomingVisit:
    """A visit as the person and their family see it: when, how long, and who comes."""

    visit_id: str
    day: date
    window_start: time
    window_end: time
    planned_start: time | None
    length_minutes: int
    status: VisitStatus
    worker_first_names: tuple[str, ...]


class PeopleService:
    """Use cases of people; each checks access, audits and owns its transaction."""

    def __init__(self, uow_factory: Callable[[], PeopleUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._audit = AuditTrail(clock)

    def list(
        self,
        actor: Actor,
        *,
        team_id: str | None = None,
        care_model: CareModel | None = None,
        name_contains: str | None = None,
        limit: int,
        offset: int,
    ) -> Paged[Person]:
        """People ``actor`` may see, matching the filters; audited as one listing."""
        teams, ids = listable_people_filter(actor)
        scope = team_filter(teams, team_id)
        if scope is None:
            return empty_page(limit, offset)
        filters: dict[str, Any] = {
            **scope,
            "care_model": care_model,
            "name_contains": name_contains,
            "ids": ids,
        }
        with self._uow_factory() as uow:
            items = uow.people.list(**filters, limit=limit, offset=offset)
            total = uow.people.count(**filters)
            for person in items:
                self._audit.record(
                    uow, actor, AuditAction.LIST, KIND, person.id, team_id=person.team_id
                )
            uow.commit()
        return Paged(items, total, limit, offset)

    def get(self, actor: Actor, person_id: str) -> Person:
        """One person's record (NotFoundError when ``actor`` may not see it)."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_see_person(actor, person)
            self._audit.record(
                uow, actor, AuditAction.READ, KIND, person.id, team_id=person.team_id
            )
            uow.commit()
        return person

    def create(self, actor: Actor, person: Person, idem: Idempotency | None = None) -> Person:
        """Add a person to one of ``actor``'s teams; a retry with ``idem`` returns the first."""
        person.check_born_by(self._clock.today())
        check_can_create_person(actor, person.team_id)
        with self._uow_factory() as uow:
            earlier = already_done(uow, actor, idem, KIND)
            if earlier is not None:
                return uow.people.get(earlier)
            require_team(uow.teams, person.team_id)
            uow.people.add(person)
            remember(uow, actor, idem, KIND, person.id, at=self._clock.now())
            self._audit.record(
                uow, actor, AuditAction.CREATE, KIND, person.id, team_id=person.team_id
            )
            uow.commit()
        return person

    def update(self, actor: Actor, person_id: str, changes: Mapping[str, Any]) -> Person:
        """Change a person's record; moving them to another team needs access to both teams."""
        with self._uow_factory() as uow:
            current = uow.people.get(person_id)
            check_can_edit_person(actor, current)
            person = dataclasses.replace(current, **changes)
            person.check_born_by(self._clock.today())
            if person.team_id != current.team_id:
                check_can_create_person(actor, person.team_id)
                require_team(uow.teams, person.team_id)
            uow.people.update(person)
            self._audit.record(
                uow, actor, AuditAction.UPDATE, KIND, person.id, team_id=person.team_id
            )
            uow.commit()
        return person

    def delete(self, actor: Actor, person_id: str) -> None:
        """Remove a person (their team's coordinator; refused while visits refer to them)."""
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_plan_visits(actor, person)
            uow.people.remove(person_id)
            self._audit.record(
                uow, actor, AuditAction.DELETE, KIND, person_id, team_id=person.team_id
            )
            uow.commit()

    def upcoming_visits(
        self, actor: Actor, person_id: str, *, today: date, days: int = 14
    ) -> Sequence[UpcomingVisit]:
        """Visits to the person from ``today`` for ``days`` days, showing workers' first names."""
        if not 1 <= days <= MAX_UPCOMING_DAYS:
            raise DomainValidationError("days", f"must be between 1 and {MAX_UPCOMING_DAYS}")
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_see_upcoming_visits(actor, person)
            visits = uow.visits.list(
                person_id=person_id,
                day_from=today,
                day_to=today + timedelta(days=days - 1),
                status=STILL_TO_COME_STATUSES,
            )
            worker_ids = {w for visit in visits for w in visit.assigned_worker_ids}
            first_names = {w.id: w.given_name for w in uow.workers.list(ids=worker_ids)}
            self._audit.record(
                uow, actor, AuditAction.READ, "upcoming_visits", person_id, team_id=person.team_id
            )
            uow.commit()
        return [
            UpcomingVisit(
                visit_id=visit.id,
                day=visit.day,
                window_start=visit.window_start,
                window_end=visit.window_end,
                planned_start=visit.planned_start,
                length_minutes=visit.planned_length,
                status=visit.status,
                worker_first_names=tuple(
                    first_names[w] for w in visit.assigned_worker_ids if w in first_names
                ),
            )
            for visit in visits
        ]
