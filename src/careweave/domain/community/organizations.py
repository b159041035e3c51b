"""Organisations that run services: charities, community groups, councils, micro-enterprises."""

from __future__ import annotations

from dataclasses import dataclass, field

from careweave.domain.community.fields import (
    LONG_TEXT,
    check_unique_ids,
    new_hsds_id,
    optional_email,
    optional_text,
    optional_url,
    optional_uuid,
    require_uuid,
)
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_text


@dataclass(frozen=True, slots=True)
class OrganizationIdentifier:
    """A registered number of the organisation, e.g. its Charity Commission or Companies House
    number (``identifier_scheme`` as in org-id.guide: ``GB-CHC``, ``GB-COH``)."""

    identifier_type: str
    identifier: str
    identifier_scheme: str = ""
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        prefix = "organization_identifier"
        object.__setattr__(self, "id", require_uuid(f"{prefix}.id", self.id))
        object.__setattr__(
            self,
            "identifier_type",
            require_text(f"{prefix}.identifier_type", self.identifier_type, max_length=255),
        )
        object.__setattr__(
            self,
            "identifier",
            require_text(f"{prefix}.identifier", self.identifier, max_length=255),
        )
        object.__setattr__(
            self,
            "identifier_scheme",
            optional_text(f"{prefix}.identifier_scheme", self.identifier_scheme),
        )


@dataclass(frozen=True, slots=True)
class Organization:
    """An organisation of the directory (HSDS ``organization``)."""

    name: str
    description: str
    email: str = ""
    website: str = ""
    logo: str = ""
    uri: str = ""
    parent_organization_id: str | None = None
    identifiers: tuple[OrganizationIdentifier, ...] = ()
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("organization.id", self.id))
        object.__setattr__(
            self, "name", require_text("organization.name", self.name, max_length=255)
        )
        object.__setattr__(
            self,
            "description",
            require_text("organization.description", self.description, max_length=LONG_TEXT),
        )
        object.__setattr__(self, "email", optional_email("organization.email", self.email))
        object.__setattr__(self, "website", optional_url("organization.website", self.website))
        object.__setattr__(self, "logo", optional_url("organization.logo", self.logo))
        object.__setattr__(self, "uri", optional_url("organization.uri", self.uri))
        parent = optional_uuid("organization.parent_organization_id", self.parent_organization_id)
        if parent == self.id:
            raise DomainValidationError(
                "organization.parent_organization_id", "an organisation cannot be its own parent"
            )
        object.__setattr__(self, "parent_organization_id", parent)
        object.__setattr__(self, "identifiers", tuple(self.identifiers))
        check_unique_ids("organization.organization_identifiers", [i.id for i in self.identifiers])
