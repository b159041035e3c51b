"""Schemas of people and of the upcoming visits their family sees."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import (
    Id,
    Language,
    LocationSchema,
    LongText,
    Name,
    Schema,
    ShortText,
)
from careweave.domain.people.person import AboutMe, AboutMeSection, CareModel, Person
from careweave.domain.visits.visit import VisitStatus
from careweave.services.people.people import UpcomingVisit

Postcode = Annotated[str, Field(min_length=5, max_length=10)]
NhsNumber = Annotated[str, Field(max_length=12, pattern=r"^[0-9 ]*$")]
Languages = Annotated[list[Language], Field(min_length=1, max_length=10)]
AboutMeText = dict[AboutMeSection, LongText]


class PersonCreate(Schema):
    """A new person."""

    given_name: Name
    family_name: Name
    date_of_birth: date
    address: ShortText
    postcode: Postcode
    location: LocationSchema
    team_id: Id | None = None
    care_model: CareModel = CareModel.TIME_AND_TASK
    preferred_name: Name = ""
    gender: Annotated[str, Field(max_length=40)] = ""
    languages: Languages = Field(default_factory=lambda: ["en"])
    nhs_number: NhsNumber = ""
    about_me: AboutMeText = Field(default_factory=dict)
    continuity_target: int = Field(default=3, ge=1, le=20)

    def to_domain(self) -> Person:
        """The domain :class:`Person` (which checks its own rules)."""
        fields = self.model_dump(exclude={"location", "about_me", "languages"})
        return Person(**fields, **_converted(self, set(type(self).model_fields)))


class PersonUpdate(Schema):
    """Changes to a person; fields left out (or null) stay as they are."""

    given_name: Name | None = None
    family_name: Name | None = None
    date_of_birth: date | None = None
    address: ShortText | None = None
    postcode: Postcode | None = None
    location: LocationSchema | None = None
    team_id: Id | None = None
    care_model: CareModel | None = None
    preferred_name: Name | None = None
    gender: Annotated[str, Field(max_length=40)] | None = None
    languages: Languages | None = None
    nhs_number: NhsNumber | None = None
    about_me: AboutMeText | None = None
    continuity_target: int | None = Field(default=None, ge=1, le=20)

    def changes(self) -> dict[str, Any]:
        """The domain field changes."""
        given = {name for name, value in self if value is not None}
        plain = self.model_dump(exclude_none=True, exclude={"location", "about_me", "languages"})
        return {**plain, **_converted(self, given)}


def _converted(model: BaseModel, given: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "location" in given:
        out["location"] = model.location.to_domain()  # type: ignore[attr-defined]
    if "about_me" in given:
        out["about_me"] = AboutMe(dict(model.about_me))  # type: ignore[attr-defined]
    if "languages" in given:
        out["languages"] = tuple(model.languages)  # type: ignore[attr-defined]
    return out


class PersonPublic(BaseModel):
    """A person's record as the API shows it."""

    id: str
    given_name: str
    family_name: str
    preferred_name: str
    display_name: str
    date_of_birth: date
    address: str
    postcode: str
    location: LocationSchema
    team_id: str | None
    care_model: CareModel
    gender: str
    languages: list[str]
    nhs_number: str
    about_me: dict[str, str]
    continuity_target: int

    @classmethod
    def of(cls, person: Person) -> PersonPublic:
        """The schema of a domain person."""
        return cls(
            id=person.id,
            given_name=person.given_name,
            family_name=person.family_name,
            preferred_name=person.preferred_name,
            display_name=person.display_name,
            date_of_birth=person.date_of_birth,
            address=person.address,
            postcode=person.postcode,
            location=LocationSchema.of(person.location),
            team_id=person.team_id,
            care_model=person.care_model,
            gender=person.gender,
            languages=list(person.languages),
            nhs_number=person.nhs_number,
            about_me={k.value: v for k, v in person.about_me.sections.items()},
            continuity_target=person.continuity_target,
        )


class UpcomingVisitPublic(BaseModel):
    """A coming visit as the person and their family see it: only workers' first names."""

    visit_id: str
    day: date
    window_start: time
    window_end: time
    planned_start: time | None
    length_minutes: int
    status: VisitStatus
    worker_first_names: list[str]

    @classmethod
    def of(cls, visit: UpcomingVisit) -> UpcomingVisitPublic:
        """The schema of the service's upcoming visit."""
        return cls(
            visit_id=visit.visit_id,
            day=visit.day,
            window_start=visit.window_start,
            window_end=visit.window_end,
            planned_start=visit.planned_start,
            length_minutes=visit.length_minutes,
            status=visit.status,
            worker_first_names=list(visit.worker_first_names),
        )
