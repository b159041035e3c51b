"""A service of the directory (HSDS ``service``) with everything it owns, and the rules a
coordinator's curation follows: checking an entry on a date, retiring it, changing it."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from careweave.domain.community.fields import (
    LONG_TEXT,
    check_unique_ids,
    new_hsds_id,
    optional_date,
    optional_email,
    optional_text,
    optional_url,
    require_uuid,
)
from careweave.domain.community.schedules import Schedule
from careweave.domain.community.service_details import (
    Contact,
    CostOption,
    Funding,
    Language,
    ServiceArea,
    ServiceAtLocation,
    TermLink,
)
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_member, require_text

MAX_AGE = 130
# An entry nobody has checked for a year is flagged for checking (ORUK publishers commonly
# review entries yearly; an out-of-date entry sends someone to a closed door).
CHECK_EVERY_DAYS = 365


class ServiceStatus(StrEnum):
    """Whether the service runs (HSDS ``status``)."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    DEFUNCT = "defunct"
    TEMPORARILY_CLOSED = "temporarily closed"


@dataclass(frozen=True, slots=True)
class Service:
    """A service, what it owns, and where and when it is delivered.

    ``assured_date`` is the day someone last checked the entry was right (``assurer_email`` who);
    ``last_modified`` when it last changed. ``locations`` are its services-at-locations;
    a schedule naming one of them applies there only, the others to the whole service.
    """

    organization_id: str
    name: str
    description: str = ""
    status: ServiceStatus = ServiceStatus.ACTIVE
    url: str = ""
    email: str = ""
    fees_description: str = ""
    accreditations: str = ""
    eligibility_description: str = ""
    minimum_age: float | None = None
    maximum_age: float | None = None
    alert: str = ""
    assured_date: date | None = None
    assurer_email: str = ""
    last_modified: datetime | None = None
    contacts: tuple[Contact, ...] = ()
    cost_options: tuple[CostOption, ...] = ()
    languages: tuple[Language, ...] = ()
    service_areas: tuple[ServiceArea, ...] = ()
    funding: tuple[Funding, ...] = ()
    terms: tuple[TermLink, ...] = ()
    locations: tuple[ServiceAtLocation, ...] = ()
    schedules: tuple[Schedule, ...] = ()
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("service.id", self.id))
        object.__setattr__(
            self, "organization_id", require_uuid("service.organization_id", self.organization_id)
        )
        object.__setattr__(self, "name", require_text("service.name", self.name, max_length=255))
        object.__setattr__(
            self, "status", require_member("service.status", self.status, ServiceStatus)
        )
        self._check_texts()
        self._check_ages()
        optional_date("service.assured_date", self.assured_date)
        if self.last_modified is not None and (
            not isinstance(self.last_modified, datetime) or self.last_modified.tzinfo is None
        ):
            raise DomainValidationError("service.last_modified", "must be a time with its zone")
        self._check_parts()

    def _check_texts(self) -> None:
        for name, limit in (
            ("description", LONG_TEXT),
            ("fees_description", LONG_TEXT),
            ("accreditations", LONG_TEXT),
            ("eligibility_description", LONG_TEXT),
            ("alert", LONG_TEXT),
        ):
            object.__setattr__(
                self, name, optional_text(f"service.{name}", getattr(self, name), limit)
            )
        object.__setattr__(self, "url", optional_url("service.url", self.url))
        object.__setattr__(self, "email", optional_email("service.email", self.email))
        object.__setattr__(
            self, "assurer_email", optional_email("service.assurer_email", self.assurer_email)
        )

    def _check_ages(self) -> None:
        for name in ("minimum_age", "maximum_age"):
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
                raise DomainValidationError(f"service.{name}", "must be a number of years")
            if not 0 <= value <= MAX_AGE:
                raise DomainValidationError(f"service.{name}", f"must be between 0 and {MAX_AGE}")
        low, high = self.minimum_age, self.maximum_age
        if low is not None and high is not None and high < low:
            raise DomainValidationError("service.maximum_age", "must not be below minimum_age")

    def _check_parts(self) -> None:
        for name in (
            "contacts",
            "cost_options",
            "languages",
            "service_areas",
            "funding",
            "terms",
            "locations",
            "schedules",
        ):
            parts = tuple(getattr(self, name))
            object.__setattr__(self, name, parts)
            check_unique_ids(f"service.{name}", [p.id for p in parts])
        terms = [t.taxonomy_term_id for t in self.terms]
        if len(set(terms)) != len(terms):
            raise DomainValidationError("service.attributes", "a term is linked twice")
        located = {sal.location_id for sal in self.locations}
        if len(located) != len(self.locations):
            raise DomainValidationError("service.service_at_locations", "a location is named twice")
        here = {sal.id for sal in self.locations}
        for schedule in self.schedules:
            sal = schedule.service_at_location_id
            if sal is not None and sal not in here:
                raise DomainValidationError(
                    "schedule.service_at_location_id",
                    f"{sal} is not one of this service's locations",
                )

    # -- rules -----------------------------------------------------------------------------

    @property
    def listed(self) -> bool:
        """Whether a link worker should be offered it (it runs, perhaps paused for now)."""
        return self.status in (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)

    @property
    def retired(self) -> bool:
        """Whether it has been retired from the directory."""
        return self.status is ServiceStatus.DEFUNCT

    @property
    def free(self) -> bool:
        """Whether it costs nothing: every cost option is free (and there is at least one)."""
        return bool(self.cost_options) and all(c.free for c in self.cost_options)

    @property
    def term_ids(self) -> frozenset[str]:
        """The taxonomy terms it is tagged with."""
        return frozenset(t.taxonomy_term_id for t in self.terms)

    def check_due(self, today: date) -> bool:
        """Whether the entry should be checked again: never checked, or not for a year."""
        if self.retired:
            return False
        return self.assured_date is None or (today - self.assured_date).days > CHECK_EVERY_DAYS

    def accepts_age(self, age: float) -> bool:
        """Whether someone of ``age`` years is within its age range."""
        low = self.minimum_age if self.minimum_age is not None else 0
        high = self.maximum_age if self.maximum_age is not None else MAX_AGE
        return low <= age <= high

    def schedules_at(self, service_at_location_id: str) -> tuple[Schedule, ...]:
        """The schedules that apply at one of its locations (its own, or the service's)."""
        own = tuple(s for s in self.schedules if s.service_at_location_id == service_at_location_id)
        return own or tuple(s for s in self.schedules if s.service_at_location_id is None)

    def checked(self, on: date, by_email: str, now: datetime, today: date) -> Service:
        """The entry marked as checked on ``on`` (not after ``today``) by ``by_email``."""
        if self.retired:
            raise DomainValidationError("service.status", "a retired entry cannot be checked")
        if on > today:
            raise DomainValidationError("service.assured_date", "cannot be in the future")
        return dataclasses.replace(self, assured_date=on, assurer_email=by_email, last_modified=now)

    def retire(self, now: datetime) -> Service:
        """The entry retired: it stays on record (HSDS ``defunct``) but is offered to no one."""
        if self.retired:
            raise DomainValidationError("service.status", "the entry is already retired")
        return dataclasses.replace(self, status=ServiceStatus.DEFUNCT, last_modified=now)

    def touched(self, now: datetime) -> Service:
        """The same entry, modified at ``now``."""
        return dataclasses.replace(self, last_modified=now)
