"""Ports of family-based support: households, referrals, arrangements and the scheme's weights
in storage (their unit of work is :mod:`.unit_of_work`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

from careweave.domain.family_support.arrangements import Arrangement
from careweave.domain.family_support.factors import Weights
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.family_support.referrals import Referral


class HouseholdRepository(Protocol):
    """Shared Lives carer households."""

    def get(self, ident: str) -> CarerHousehold:
        """The household with ``ident`` (NotFoundError if none)."""
        ...

    def add(self, item: CarerHousehold) -> None:
        """Store a new household."""
        ...

    def update(self, item: CarerHousehold) -> None:
        """Save a changed household."""
        ...

    def list(self, *, scheme_team_id: str | None = None) -> Sequence[CarerHousehold]:
        """Households of a scheme (every scheme when ``None``), by name."""
        ...


class ReferralRepository(Protocol):
    """People seeking an arrangement."""

    def get(self, ident: str) -> Referral:
        """The referral with ``ident`` (NotFoundError if none)."""
        ...

    def add(self, item: Referral) -> None:
        """Store a new referral."""
        ...

    def update(self, item: Referral) -> None:
        """Save a changed referral."""
        ...

    def list(
        self,
        *,
        scheme_team_id: str | None = None,
        person_ids: Collection[str] | None = None,
    ) -> Sequence[Referral]:
        """Referrals of a scheme and/or of some people (``None``: no limit), oldest first."""
        ...


class ArrangementRepository(Protocol):
    """Arrangements between people and households."""

    def get(self, ident: str) -> Arrangement:
        """The arrangement with ``ident`` (NotFoundError if none)."""
        ...

    def add(self, item: Arrangement) -> None:
        """Store a new arrangement."""
        ...

    def update(self, item: Arrangement) -> None:
        """Save a changed arrangement."""
        ...

    def list(
        self,
        *,
        scheme_team_id: str | None = None,
        person_ids: Collection[str] | None = None,
        household_id: str | None = None,
    ) -> Sequence[Arrangement]:
        """Arrangements matching every filter given, by proposal date."""
        ...


class SchemeWeightsRepository(Protocol):
    """Each scheme's compatibility weights."""

    def get(self, scheme_team_id: str) -> Weights:
        """The scheme's weights (the defaults until it sets its own)."""
        ...

    def put(self, scheme_team_id: str, weights: Weights) -> None:
        """Set the scheme's weights."""
        ...
