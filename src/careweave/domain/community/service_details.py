"""The parts a service owns: contacts and their phones, costs, languages, areas, funding and the
taxonomy terms it is tagged with (HSDS ``attribute``)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from careweave.domain.community.fields import (
    LONG_TEXT,
    check_date_order,
    check_unique_ids,
    new_hsds_id,
    optional_date,
    optional_email,
    optional_text,
    require_uuid,
)
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_text

MAX_AMOUNT = 1_000_000.0


@dataclass(frozen=True, slots=True)
class Phone:
    """A phone number of a contact, with when and for what to call it."""

    number: str
    description: str = ""
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("phone.id", self.id))
        object.__setattr__(self, "number", require_text("phone.number", self.number, max_length=50))
        object.__setattr__(
            self, "description", optional_text("phone.description", self.description, LONG_TEXT)
        )


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone to ask about the service."""

    name: str = ""
    title: str = ""
    email: str = ""
    phones: tuple[Phone, ...] = ()
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("contact.id", self.id))
        object.__setattr__(self, "name", optional_text("contact.name", self.name))
        object.__setattr__(self, "title", optional_text("contact.title", self.title))
        object.__setattr__(self, "email", optional_email("contact.email", self.email))
        object.__setattr__(self, "phones", tuple(self.phones))
        if not (self.name or self.title or self.email or self.phones):
            raise DomainValidationError("contact.name", "give a name, a title, an email or a phone")
        check_unique_ids("contact.phones", [p.id for p in self.phones])


@dataclass(frozen=True, slots=True)
class CostOption:
    """What it costs, for whom (``option``), in pounds; ``amount`` 0 means free."""

    option: str = ""
    amount: float | None = None
    amount_description: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("cost_option.id", self.id))
        object.__setattr__(self, "option", optional_text("cost_option.option", self.option))
        object.__setattr__(
            self,
            "amount_description",
            optional_text("cost_option.amount_description", self.amount_description),
        )
        amount = self.amount
        if amount is not None:
            if (
                isinstance(amount, bool)
                or not isinstance(amount, int | float)
                or math.isnan(amount)
            ):
                raise DomainValidationError("cost_option.amount", "must be a number")
            if not 0 <= amount <= MAX_AMOUNT:
                raise DomainValidationError(
                    "cost_option.amount", f"must be between 0 and {MAX_AMOUNT:,.0f} pounds"
                )
        optional_date("cost_option.valid_from", self.valid_from)
        optional_date("cost_option.valid_to", self.valid_to)
        check_date_order("cost_option.valid_to", self.valid_from, self.valid_to)

    @property
    def free(self) -> bool:
        """Whether this option costs nothing."""
        return self.amount == 0


@dataclass(frozen=True, slots=True)
class Language:
    """A language the service is delivered in (``code`` as ISO 639-1, e.g. ``cy`` for Welsh).

    The UK profile gives a language only its id, so a language read from a UK feed may have
    neither name nor code.
    """

    name: str = ""
    code: str = ""
    note: str = ""
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("language.id", self.id))
        object.__setattr__(self, "name", optional_text("language.name", self.name))
        code = optional_text("language.code", self.code).lower()
        if code and not (2 <= len(code) <= 3 and code.isalpha()):
            raise DomainValidationError("language.code", f"{code!r} is not an ISO 639 code")
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "note", optional_text("language.note", self.note))


@dataclass(frozen=True, slots=True)
class ServiceArea:
    """The area a service covers, in words and optionally as a shape (``extent`` in
    ``extent_type`` such as ``geojson``)."""

    name: str
    description: str = ""
    extent: str = ""
    extent_type: str = ""
    uri: str = ""
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("service_area.id", self.id))
        object.__setattr__(
            self, "name", require_text("service_area.name", self.name, max_length=LONG_TEXT)
        )
        object.__setattr__(
            self,
            "description",
            optional_text("service_area.description", self.description, LONG_TEXT),
        )
        object.__setattr__(
            self, "extent", optional_text("service_area.extent", self.extent, 1_000_000)
        )
        object.__setattr__(
            self, "extent_type", optional_text("service_area.extent_type", self.extent_type)
        )
        object.__setattr__(self, "uri", optional_text("service_area.uri", self.uri, 2000))


@dataclass(frozen=True, slots=True)
class Funding:
    """Where the money for the service comes from."""

    source: str
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("funding.id", self.id))
        object.__setattr__(
            self, "source", require_text("funding.source", self.source, max_length=LONG_TEXT)
        )


@dataclass(frozen=True, slots=True)
class TermLink:
    """The service is tagged with a taxonomy term (HSDS ``attribute``); ``link_type`` says how
    (for instance ``need`` or ``service_type``)."""

    taxonomy_term_id: str
    link_type: str = ""
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("attribute.id", self.id))
        object.__setattr__(
            self,
            "taxonomy_term_id",
            require_uuid("attribute.taxonomy_term_id", self.taxonomy_term_id),
        )
        object.__setattr__(self, "link_type", optional_text("attribute.link_type", self.link_type))


@dataclass(frozen=True, slots=True)
class ServiceAtLocation:
    """The service is delivered at a location (its own id, so schedules can name it)."""

    location_id: str
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("service_at_location.id", self.id))
        object.__setattr__(
            self, "location_id", require_uuid("service_at_location.location_id", self.location_id)
        )
