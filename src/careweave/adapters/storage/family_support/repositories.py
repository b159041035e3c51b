"""SQL repositories of family-based support."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Select, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from careweave.adapters.storage.family_support import mapping, tables
from careweave.adapters.storage.people import tables as people_tables
from careweave.adapters.storage.repository import SqlRepository, affected_rows, chunks
from careweave.adapters.storage.workforce import tables as workforce_tables
from careweave.domain.family_support.arrangements import Arrangement
from careweave.domain.family_support.factors import Weights
from careweave.domain.family_support.households import CarerHousehold
from careweave.domain.family_support.referrals import Referral
from careweave.domain.values import Location


class SqlHouseholdRepository(SqlRepository[CarerHousehold]):
    """Carer households in ``fs_households``, by name."""

    table = tables.households
    kind = "carer household"

    def _to_row(self, h: CarerHousehold) -> dict[str, Any]:
        return {
            "id": h.id,
            "scheme_team_id": h.scheme_team_id,
            "name": h.name,
            "status": h.status.value,
            "address": h.address,
            "postcode": h.postcode,
            "lat": h.location.lat,
            "lon": h.location.lon,
            "review_on": h.approval.review_on if h.approval else None,
            "body": mapping.household_body(h),
        }

    def _from_row(self, r: RowMapping) -> CarerHousehold:
        return CarerHousehold(
            id=r["id"],
            scheme_team_id=r["scheme_team_id"],
            name=r["name"],
            status=r["status"],
            address=r["address"],
            postcode=r["postcode"],
            location=Location(r["lat"], r["lon"]),
            **mapping.household_fields(r["body"]),
        )

    def _check_references(self, item: CarerHousehold) -> None:
        self._require(workforce_tables.teams, "team", item.scheme_team_id)

    def list(self, *, scheme_team_id: str | None = None) -> list[CarerHousehold]:
        """Households of a scheme (every scheme when ``None``), by name."""
        columns = self.table.c
        statement: Select[Any] = select(self.table).order_by(columns.name, columns.id)
        if scheme_team_id is not None:
            statement = statement.where(columns.scheme_team_id == scheme_team_id)
        return self._fetch(statement)


class SqlReferralRepository(SqlRepository[Referral]):
    """Referrals in ``fs_referrals``, oldest first."""

    table = tables.referrals
    kind = "referral"

    def _to_row(self, r: Referral) -> dict[str, Any]:
        return {
            "id": r.id,
            "person_id": r.person_id,
            "scheme_team_id": r.scheme_team_id,
            "arrangement_type": r.arrangement_type.value,
            "support_group": r.support_group.value,
            "status": r.status.value,
            "received_on": r.received_on,
            "wanted_from": r.wanted_from,
            "matched_on": r.matched_on,
            "body": {
                "what_matters": r.what_matters,
                "needs_and_risks": r.needs_and_risks,
                "stays": mapping.stays_to_json(r.stays),
                "access_needs": sorted(a.value for a in r.access_needs),
                "skills_needed": sorted(s.value for s in r.skills_needed),
                "wishes": mapping.wishes_to_json(r.wishes),
                "limits": mapping.limits_to_json(r.limits),
                "closed_reason": r.closed_reason,
            },
        }

    def _from_row(self, r: RowMapping) -> Referral:
        body = r["body"]
        return Referral(
            id=r["id"],
            person_id=r["person_id"],
            scheme_team_id=r["scheme_team_id"],
            arrangement_type=r["arrangement_type"],
            support_group=r["support_group"],
            status=r["status"],
            received_on=r["received_on"],
            wanted_from=r["wanted_from"],
            matched_on=r["matched_on"],
            what_matters=body["what_matters"],
            needs_and_risks=body["needs_and_risks"],
            stays=mapping.stays_from_json(body["stays"]),
            access_needs=frozenset(body["access_needs"]),
            skills_needed=frozenset(body["skills_needed"]),
            wishes=mapping.wishes_from_json(body["wishes"]),
            limits=mapping.limits_from_json(body["limits"]),
            closed_reason=body["closed_reason"],
        )

    def _check_references(self, item: Referral) -> None:
        self._require(people_tables.people, "person", item.person_id)
        self._require(workforce_tables.teams, "team", item.scheme_team_id)

    def list(
        self,
        *,
        scheme_team_id: str | None = None,
        person_ids: Collection[str] | None = None,
    ) -> list[Referral]:
        """Referrals of a scheme and/or of some people, oldest first."""
        columns = self.table.c
        statement: Select[Any] = select(self.table).order_by(columns.received_on, columns.id)
        if scheme_team_id is not None:
            statement = statement.where(columns.scheme_team_id == scheme_team_id)
        if person_ids is None:
            return self._fetch(statement)
        found: list[Referral] = []
        for chunk in chunks(sorted(set(person_ids))):
            found += self._fetch(statement.where(columns.person_id.in_(chunk)))
        return sorted(found, key=lambda r: (r.received_on, r.id))


class SqlArrangementRepository(SqlRepository[Arrangement]):
    """Arrangements in ``fs_arrangements``, by proposal date."""

    table = tables.arrangements
    kind = "arrangement"

    def _to_row(self, a: Arrangement) -> dict[str, Any]:
        return {
            "id": a.id,
            "referral_id": a.referral_id,
            "person_id": a.person_id,
            "household_id": a.household_id,
            "scheme_team_id": a.scheme_team_id,
            "arrangement_type": a.arrangement_type.value,
            "status": a.status.value,
            "proposed_on": a.proposed_on,
            "starts_on": a.starts_on,
            "ends_on": a.ends_on,
            "rate_pence": a.rate_pence,
            "room": a.room,
            "points": a.points,
            "body": mapping.arrangement_body(a),
        }

    def _from_row(self, r: RowMapping) -> Arrangement:
        columns = (
            "id",
            "referral_id",
            "person_id",
            "household_id",
            "scheme_team_id",
            "arrangement_type",
            "status",
            "proposed_on",
            "starts_on",
            "ends_on",
            "rate_pence",
            "room",
            "points",
        )
        return Arrangement(**{c: r[c] for c in columns}, **mapping.arrangement_fields(r["body"]))

    def _check_references(self, item: Arrangement) -> None:
        self._require(tables.referrals, "referral", item.referral_id)
        self._require(tables.households, "carer household", item.household_id)

    def list(
        self,
        *,
        scheme_team_id: str | None = None,
        person_ids: Collection[str] | None = None,
        household_id: str | None = None,
    ) -> list[Arrangement]:
        """Arrangements matching every filter given, by proposal date."""
        columns = self.table.c
        statement: Select[Any] = select(self.table).order_by(columns.proposed_on, columns.id)
        if scheme_team_id is not None:
            statement = statement.where(columns.scheme_team_id == scheme_team_id)
        if household_id is not None:
            statement = statement.where(columns.household_id == household_id)
        if person_ids is None:
            return self._fetch(statement)
        found: list[Arrangement] = []
        for chunk in chunks(sorted(set(person_ids))):
            found += self._fetch(statement.where(columns.person_id.in_(chunk)))
        return sorted(found, key=lambda a: (a.proposed_on, a.id))


class SqlSchemeWeightsRepository:
    """Each scheme's weights in ``fs_scheme_weights`` (the defaults until set)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, scheme_team_id: str) -> Weights:
        """The scheme's weights."""
        table = tables.scheme_weights
        row = self.session.execute(
            select(table.c.weights).where(table.c.scheme_team_id == scheme_team_id)
        ).first()
        return Weights() if row is None else Weights(row[0])

    def put(self, scheme_team_id: str, weights: Weights) -> None:
        """Set the scheme's weights."""
        table = tables.scheme_weights
        values = {f.value: w for f, w in weights.values.items()}
        changed = self.session.execute(
            update(table).where(table.c.scheme_team_id == scheme_team_id).values(weights=values)
        )
        if affected_rows(changed) == 0:
            self.session.execute(
                insert(table).values(scheme_team_id=scheme_team_id, weights=values)
            )
