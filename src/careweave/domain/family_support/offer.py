"""What a Shared Lives household offers: the kinds of arrangement, places and rooms, and what
living there is like (pets, smoking, faith, languages, interests, routines)."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from careweave.domain.errors import DomainValidationError
from careweave.domain.family_support.vocab import (
    AccessFeature,
    ArrangementType,
    Lifestyle,
    PetKind,
    Routine,
    SmokingRule,
    members,
    tags,
)
from careweave.domain.values import require_member, require_range, require_text

MAX_PLACES = 6
MAX_ROOMS = 6


@dataclass(frozen=True, slots=True)
class Room:
    """A bedroom the household offers, and what makes it accessible."""

    name: str
    features: frozenset[AccessFeature] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", require_text("room.name", self.name, max_length=60))
        object.__setattr__(self, "features", members("room.features", self.features, AccessFeature))

    def fits(self, needs: Set[AccessFeature], home_features: Set[AccessFeature]) -> bool:
        """Whether someone with access ``needs`` can use this room in a home with ``home_features``."""
        return needs <= (self.features | home_features)


@dataclass(frozen=True, slots=True)
class Offer:
    """What the household offers and what living there is like."""

    arrangement_types: frozenset[ArrangementType]
    places: int = 1
    day_places: int = 0
    rooms: tuple[Room, ...] = ()
    home_features: frozenset[AccessFeature] = frozenset()
    pets: frozenset[PetKind] = frozenset()
    smoking: SmokingRule = SmokingRule.SMOKE_FREE
    accepts_smokers: bool = True
    faith: str = ""
    languages: frozenset[str] = frozenset({"english"})
    interests: frozenset[str] = frozenset()
    routines: frozenset[Routine] = frozenset()
    lifestyle: Lifestyle = Lifestyle.NO_PREFERENCE

    def __post_init__(self) -> None:
        kinds = members("offer.arrangement_types", self.arrangement_types, ArrangementType)
        if not kinds:
            raise DomainValidationError("offer.arrangement_types", "name at least one")
        object.__setattr__(self, "arrangement_types", kinds)
        require_range("offer.places", self.places, 0, MAX_PLACES)
        require_range("offer.day_places", self.day_places, 0, MAX_PLACES)
        if any(k.overnight for k in kinds) and (self.places < 1 or not self.rooms):
            raise DomainValidationError(
                "offer.rooms", "overnight arrangements need at least one place and one room"
            )
        if ArrangementType.DAY_SUPPORT in kinds and self.day_places < 1:
            raise DomainValidationError("offer.day_places", "day support needs at least one place")
        if len(self.rooms) > MAX_ROOMS:
            raise DomainValidationError("offer.rooms", f"name at most {MAX_ROOMS} rooms")
        if len({r.name.lower() for r in self.rooms}) != len(self.rooms):
            raise DomainValidationError("offer.rooms", "give each room its own name")
        self._clean_living()

    def _clean_living(self) -> None:
        put = object.__setattr__
        put(
            self, "home_features", members("offer.home_features", self.home_features, AccessFeature)
        )
        put(self, "pets", members("offer.pets", self.pets, PetKind))
        put(self, "smoking", require_member("offer.smoking", self.smoking, SmokingRule))
        put(self, "faith", require_text("offer.faith", self.faith, max_length=60, allow_empty=True))
        put(self, "languages", tags("offer.languages", self.languages))
        if not self.languages:
            raise DomainValidationError("offer.languages", "name at least one language")
        put(self, "interests", tags("offer.interests", self.interests))
        put(self, "routines", members("offer.routines", self.routines, Routine))
        put(self, "lifestyle", require_member("offer.lifestyle", self.lifestyle, Lifestyle))
