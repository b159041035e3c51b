"""Schemas of teams and their figures."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from careweave.adapters.web.api.schemas.common import LocationSchema, Name, Schema
from careweave.domain.workforce import Patch, Team
from careweave.services.teams import TeamFigures


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
