"""API schemas of teams and care workers."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import Id, Language, LocationSchema, Name, Schema
from careweave.domain.workforce.workers import (
    Availability,
    Gender,
    Patch,
    Skill,
    Team,
    TravelMode,
    Worker,
)
from careweave.services.workforce.teams import TeamFigures


class PatchSchema(Schema):
    """The area a team serves: a centre with a radius, or a polygon of at least three corners."""

    centre: LocationSchema
    radius_km: float = Field(default=0.0, ge=0, le=100)
    polygon: list[LocationSchema] = Field(default_factory=list, max_length=500)

    def to_domain(self) -> Patch:
        """The domain :class:`Patch`."""
        return Patch(
            centre=self.centre.to_domain(),
            radius_km=self.radius_km,
            polygon=tuple(corner.to_domain() for corner in self.polygon),
        )

    @classmethod
    def of(cls, patch: Patch) -> PatchSchema:
        """The schema of a domain patch."""
        return cls(
            centre=LocationSchema.of(patch.centre),
            radius_km=patch.radius_km,
            polygon=[LocationSchema.of(corner) for corner in patch.polygon],
        )


class TeamCreate(Schema):
    """A new team."""

    name: Name
    patch: PatchSchema

    def to_domain(self) -> Team:
        """The domain :class:`Team`."""
        return Team(name=self.name, patch=self.patch.to_domain())


class TeamUpdate(Schema):
    """Changes to a team; fields left out stay as they are."""

    name: Name | None = None
    patch: PatchSchema | None = None

    def changes(self) -> dict[str, object]:
        """The domain field changes."""
        changes: dict[str, object] = {}
        if self.name is not None:
            changes["name"] = self.name
        if self.patch is not None:
            changes["patch"] = self.patch.to_domain()
        return changes


class TeamPublic(BaseModel):
    """A team as the API shows it."""

    id: str
    name: str
    patch: PatchSchema

    @classmethod
    def of(cls, team: Team) -> TeamPublic:
        """The schema of a domain team."""
        return cls(id=team.id, name=team.name, patch=PatchSchema.of(team.patch))


class TeamFiguresPublic(BaseModel):
    """Counts for a team over a period (no names, nothing that identifies anyone)."""

    team_id: str
    day_from: date
    day_to: date
    people: int
    active_workers: int
    visits_by_status: dict[str, int]

    @classmethod
    def of(cls, figures: TeamFigures) -> TeamFiguresPublic:
        """The schema of the service's figures."""
        return cls(
            team_id=figures.team_id,
            day_from=figures.day_from,
            day_to=figures.day_to,
            people=figures.people,
            active_workers=figures.active_workers,
            visits_by_status=dict(figures.visits_by_status),
        )


Languages = Annotated[list[Language], Field(min_length=1, max_length=10)]


class AvailabilitySchema(Schema):
    """A weekly slot: weekday 0 (Monday) to 6, from ``start`` to ``end``."""

    weekday: int = Field(ge=0, le=6)
    start: time
    end: time

    def to_domain(self) -> Availability:
        """The domain :class:`Availability`."""
        return Availability(self.weekday, self.start, self.end)


Slots = Annotated[list[AvailabilitySchema], Field(max_length=50)]


class WorkerCreate(Schema):
    """A new worker."""

    given_name: Name
    family_name: Name
    team_id: Id
    home: LocationSchema
    travel_mode: TravelMode = TravelMode.DRIVE
    skills: list[Skill] = Field(default_factory=lambda: [Skill.PERSONAL_CARE], max_length=20)
    gender: Gender = Gender.UNSTATED
    languages: Languages = Field(default_factory=lambda: ["en"])
    contracted_minutes_per_week: int = Field(default=37 * 60 + 30, ge=0, le=3600)
    max_minutes_per_day: int = Field(default=600, ge=1, le=780)
    availability: Slots = Field(default_factory=list)
    cost_per_hour: float = Field(default=12.5, ge=0, le=1000)
    active: bool = True

    def to_domain(self) -> Worker:
        """The domain :class:`Worker`."""
        plain = self.model_dump(exclude={"home", "skills", "languages", "availability"})
        return Worker(**plain, **_converted(self, set(type(self).model_fields)))


class WorkerUpdate(Schema):
    """Changes to a worker; fields left out (or null) stay as they are."""

    given_name: Name | None = None
    family_name: Name | None = None
    team_id: Id | None = None
    home: LocationSchema | None = None
    travel_mode: TravelMode | None = None
    skills: Annotated[list[Skill], Field(max_length=20)] | None = None
    gender: Gender | None = None
    languages: Languages | None = None
    contracted_minutes_per_week: int | None = Field(default=None, ge=0, le=3600)
    max_minutes_per_day: int | None = Field(default=None, ge=1, le=780)
    availability: Slots | None = None
    cost_per_hour: float | None = Field(default=None, ge=0, le=1000)
    active: bool | None = None

    def changes(self) -> dict[str, Any]:
        """The domain field changes."""
        given = {name for name, value in self if value is not None}
        plain = self.model_dump(
            exclude_none=True, exclude={"home", "skills", "languages", "availability"}
        )
        return {**plain, **_converted(self, given)}


def _converted(model: BaseModel, given: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "home" in given:
        out["home"] = model.home.to_domain()  # type: ignore[attr-defined]
    if "skills" in given:
        out["skills"] = frozenset(model.skills)  # type: ignore[attr-defined]
    if "languages" in given:
        out["languages"] = tuple(model.languages)  # type: ignore[attr-defined]
    if "availability" in given:
        out["availability"] = tuple(s.to_domain() for s in model.availability)  # type: ignore[attr-defined]
    return out


class WorkerPublic(BaseModel):
    """A worker as the API shows it (to their team and coordinator)."""

    id: str
    given_name: str
    family_name: str
    team_id: str
    home: LocationSchema
    travel_mode: TravelMode
    skills: list[Skill]
    gender: Gender
    languages: list[str]
    contracted_minutes_per_week: int
    max_minutes_per_day: int
    availability: list[AvailabilitySchema]
    cost_per_hour: float
    active: bool

    @classmethod
    def of(cls, worker: Worker) -> WorkerPublic:
        """The schema of a domain worker."""
        return cls(
            id=worker.id,
            given_name=worker.given_name,
            family_name=worker.family_name,
            team_id=worker.team_id,
            home=LocationSchema.of(worker.home),
            travel_mode=worker.travel_mode,
            skills=sorted(worker.skills),
            gender=worker.gender,
            languages=list(worker.languages),
            contracted_minutes_per_week=worker.contracted_minutes_per_week,
            max_minutes_per_day=worker.max_minutes_per_day,
            availability=[
                AvailabilitySchema(weekday=s.weekday, start=s.start, end=s.end)
                for s in worker.availability
            ],
            cost_per_hour=worker.cost_per_hour,
            active=worker.active,
        )
