"""A person's recent activity, hour by hour, for the picture on their activity page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from careweave.clock import Clock
from careweave.domain.accounts.audit import AuditAction
from careweave.domain.people.person import Person
from careweave.domain.telecare.activity import ActivityGrid, activity_grid
from careweave.domain.telecare.events import HOME_TIME
from careweave.services.accounts.access import Actor
from careweave.services.accounts.audit import AuditTrail
from careweave.services.telecare.access import check_can_see_telecare
from careweave.services.telecare.unit_of_work import TelecareUnitOfWork

DAYS = 28


@dataclass(frozen=True, slots=True)
class PersonActivity:
    """A person and their last days hour by hour."""

    person: Person
    grid: ActivityGrid


class ActivityService:
    """Reads a person's activity (audited).

    Parameters
    ----------
    uow_factory
        Makes the unit of work of each call.
    clock
        Says what day it is.
    """

    def __init__(self, uow_factory: Callable[[], TelecareUnitOfWork], clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._trail = AuditTrail(clock)

    def recent(self, actor: Actor, person_id: str, days: int = DAYS) -> PersonActivity:
        """The ``days`` days up to today, hour by hour."""
        today = self._clock.today()
        # From the evening before the first day, so a night in bed that began then is seen.
        start = datetime.combine(today - timedelta(days=days), time(18), tzinfo=HOME_TIME)
        with self._uow_factory() as uow:
            person = uow.people.get(person_id)
            check_can_see_telecare(actor, person)
            events = uow.telecare_events.list_for_person(person_id, start, self._clock.now())
            devices = {d.id: d for d in uow.devices.list(person_ids={person_id}, active_only=False)}
            self._trail.record(
                uow,
                actor,
                AuditAction.READ,
                "telecare_activity",
                person.id,
                team_id=person.team_id,
                detail=f"{days} days",
            )
            uow.commit()
        return PersonActivity(person, activity_grid(events, devices, today, days))
