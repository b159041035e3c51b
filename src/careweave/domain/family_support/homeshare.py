"""Homeshare: an older householder with a spare room shares their home with a homesharer, who
gives about ten hours of help a week in exchange for the room.

Each side has needs and offers. Homeshare is not regulated care, so the help is practical and
companionable (never personal care); the homesharer is checked like a carer (DBS, references).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.households import (
    REFERENCES_NEEDED,
    DbsCheck,
    Reference,
)
from careweave.domain.family_support.referrals import Place
from careweave.domain.family_support.vocab import (
    Lifestyle,
    PetKind,
    PetWish,
    Routine,
    SmokingRule,
    members,
    tags,
)
from careweave.domain.values import (
    Location,
    new_id,
    normalise_postcode,
    require_member,
    require_range,
    require_text,
)

# "About 10 hours of help a week in exchange for a room" (DESIGN.md, figures from the field).
TYPICAL_HOURS = 10
MAX_HOURS = 20


class HelpTask(StrEnum):
    """Help a homesharer gives (companionable and practical; personal care is not Homeshare)."""

    COMPANIONSHIP = "companionship"
    SHOPPING = "shopping"
    COOKING = "cooking"
    CLEANING = "cleaning"
    GARDENING = "gardening"
    TECHNOLOGY = "technology"
    DOG_WALKING = "dog_walking"
    HOME_AT_NIGHT = "home_at_night"
    DRIVING = "driving"


class HomeshareStatus(StrEnum):
    """Where a householder or homesharer is with the scheme."""

    WAITING = "waiting"
    MATCHED = "matched"
    LEFT = "left"


@dataclass(frozen=True, slots=True)
class Living:
    """What someone's daily life is like, as both sides of a homeshare describe it."""

    lifestyle: Lifestyle = Lifestyle.NO_PREFERENCE
    languages: frozenset[str] = frozenset({"english"})
    interests: frozenset[str] = frozenset()
    routines: frozenset[Routine] = frozenset()

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "lifestyle", require_member("living.lifestyle", self.lifestyle, Lifestyle))
        put(self, "languages", tags("living.languages", self.languages))
        if not self.languages:
            raise DomainValidationError("living.languages", "name at least one language")
        put(self, "interests", tags("living.interests", self.interests))
        put(self, "routines", members("living.routines", self.routines, Routine))


def _hours(field_name: str, hours: int) -> None:
    require_range(field_name, hours, 1, MAX_HOURS)


@dataclass(frozen=True, slots=True)
class Householder:
    """An older person with a spare room who wants help and company at home."""

    name: str
    scheme_team_id: str
    address: str
    postcode: str
    location: Location
    help_wanted: frozenset[HelpTask]
    hours_wanted: int = TYPICAL_HOURS
    living: Living = Living()
    pets: frozenset[PetKind] = frozenset()
    smoking: SmokingRule = SmokingRule.SMOKE_FREE
    accepts_smokers: bool = False
    person_id: str | None = None
    status: HomeshareStatus = HomeshareStatus.WAITING
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "name", require_text("householder.name", self.name, max_length=120))
        put(self, "address", require_text("householder.address", self.address, max_length=300))
        put(self, "postcode", normalise_postcode("householder.postcode", self.postcode))
        put(self, "help_wanted", members("householder.help_wanted", self.help_wanted, HelpTask))
        if not self.help_wanted:
            raise DomainValidationError("householder.help_wanted", "name the help wanted")
        _hours("householder.hours_wanted", self.hours_wanted)
        put(self, "pets", members("householder.pets", self.pets, PetKind))
        put(self, "smoking", require_member("householder.smoking", self.smoking, SmokingRule))
        put(self, "status", require_member("householder.status", self.status, HomeshareStatus))


@dataclass(frozen=True, slots=True)
class Homesharer:
    """Someone who needs a home and gives help in exchange (often a student or key worker)."""

    name: str
    scheme_team_id: str
    help_offered: frozenset[HelpTask]
    hours_offered: int = TYPICAL_HOURS
    living: Living = Living()
    pets: PetWish = PetWish.NO_PREFERENCE
    smokes: bool = False
    near: tuple[Place, ...] = ()
    max_distance_km: float | None = None
    dbs: DbsCheck | None = None
    references: tuple[Reference, ...] = ()
    status: HomeshareStatus = HomeshareStatus.WAITING
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "name", require_text("homesharer.name", self.name, max_length=120))
        put(self, "help_offered", members("homesharer.help_offered", self.help_offered, HelpTask))
        if not self.help_offered:
            raise DomainValidationError("homesharer.help_offered", "name the help offered")
        _hours("homesharer.hours_offered", self.hours_offered)
        put(self, "pets", require_member("homesharer.pets", self.pets, PetWish))
        if self.max_distance_km is not None:
            require_range("homesharer.max_distance_km", self.max_distance_km, 0.5, 200.0)
        put(self, "status", require_member("homesharer.status", self.status, HomeshareStatus))

    def check_problems(self, day: date) -> tuple[str, ...]:
        """What stops the homesharer's checks being in date on ``day``, in plain words."""
        problems = []
        if self.dbs is None or not self.dbs.in_date(day):
            problems.append(f"{self.name} has no DBS check in date")
        good = sum(r.satisfactory and r.received_on <= day for r in self.references)
        if good < REFERENCES_NEEDED:
            problems.append(f"{good} of {REFERENCES_NEEDED} satisfactory references")
        return tuple(problems)
