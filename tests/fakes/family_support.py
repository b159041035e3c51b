"""In-memory carer households, referrals, arrangements and each scheme's weights."""

from __future__ import annotations

from collections.abc import Collection

from tests.fakes.repository import FakeRepository
from tests.fakes.rows import Rows, Transaction

from careweave.domain.family_support.arrangements import Arrangement
from careweave.domain.family_support.factors import Factor, Weights
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.family_support.referrals import Referral


class FakeHouseholdRepository(FakeRepository[CarerHousehold]):
    """Carer households by name; their scheme's team must exist."""

    table = "fs_households"
    kind = "carer household"

    def list(self, *, scheme_team_id: str | None = None) -> list[CarerHousehold]:
        """Households of a scheme (every scheme when ``None``), by name."""
        found = self._rows.where(lambda h: scheme_team_id in (None, h.scheme_team_id))
        return sorted(found, key=lambda h: (h.name, h.id))

    def _check_references(self, item: CarerHousehold) -> None:
        self._require("teams", "team", item.scheme_team_id)


class FakeReferralRepository(FakeRepository[Referral]):
    """Referrals, oldest first; their person and scheme's team must exist."""

    table = "fs_referrals"
    kind = "referral"

    def list(
        self,
        *,
        scheme_team_id: str | None = None,
        person_ids: Collection[str] | None = None,
    ) -> list[Referral]:
        """Referrals of a scheme and/or of some people (``None``: no limit), oldest first."""
        found = self._rows.where(
            lambda r: (
                scheme_team_id in (None, r.scheme_team_id)
                and (person_ids is None or r.person_id in person_ids)
            )
        )
        return sorted(found, key=lambda r: (r.received_on, r.id))

    def _check_references(self, item: Referral) -> None:
        self._require("people", "person", item.person_id)
        self._require("teams", "team", item.scheme_team_id)


class FakeArrangementRepository(FakeRepository[Arrangement]):
    """Arrangements by proposal date; their referral and household must exist."""

    table = "fs_arrangements"
    kind = "arrangement"

    def list(
        self,
        *,
        scheme_team_id: str | None = None,
        person_ids: Collection[str] | None = None,
        household_id: str | None = None,
    ) -> list[Arrangement]:
        """Arrangements matching every filter given, by proposal date."""
        found = self._rows.where(
            lambda a: (
                scheme_team_id in (None, a.scheme_team_id)
                and household_id in (None, a.household_id)
                and (person_ids is None or a.person_id in person_ids)
            )
        )
        return sorted(found, key=lambda a: (a.proposed_on, a.id))

    def _check_references(self, item: Arrangement) -> None:
        self._require("fs_referrals", "referral", item.referral_id)
        self._require("fs_households", "carer household", item.household_id)


class FakeSchemeWeightsRepository:
    """Each scheme's weights, by its team's id (the defaults until the scheme sets its own)."""

    def __init__(self, transaction: Transaction) -> None:
        # Stored as a plain mapping, as the SQL table's JSON column holds it (Weights keeps a
        # read-only mapping proxy, which the fake database's copies cannot copy).
        self._rows: Rows[str, dict[Factor, int]] = transaction.rows("fs_scheme_weights")

    def get(self, scheme_team_id: str) -> Weights:
        """The scheme's weights."""
        stored = self._rows.get(scheme_team_id)
        return Weights() if stored is None else Weights(stored)

    def put(self, scheme_team_id: str, weights: Weights) -> None:
        """Set the scheme's weights."""
        self._rows.put(scheme_team_id, dict(weights.values))
