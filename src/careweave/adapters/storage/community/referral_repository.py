"""SQL repository of social prescribing referrals."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from careweave.adapters.storage.community.referral_tables import referrals
from careweave.adapters.storage.json_columns import Json
from careweave.adapters.storage.person_owned import _PersonOwned
from careweave.adapters.storage.repository import chunks
from careweave.domain.community.social_prescribing import (
    FollowUp,
    PlannedService,
    Referral,
    WellbeingRecord,
)
from careweave.domain.community.wellbeing import Ons4, Swemwbs

SIMPLE = (
    "id",
    "person_id",
    "referred_on",
    "reason",
    "referrer",
    "link_worker_id",
    "first_contact_on",
    "what_matters",
    "declined_on",
    "declined_reason",
    "closed_on",
)


def _wellbeing_to_json(r: WellbeingRecord) -> Json:
    ons4 = (
        None
        if r.ons4 is None
        else [r.ons4.satisfied, r.ons4.worthwhile, r.ons4.happy, r.ons4.anxious]
    )
    swemwbs = None if r.swemwbs is None else list(r.swemwbs.answers)
    return {"taken_on": r.taken_on.isoformat(), "ons4": ons4, "swemwbs": swemwbs}


def _wellbeing_from_json(d: Json) -> WellbeingRecord:
    return WellbeingRecord(
        taken_on=date.fromisoformat(d["taken_on"]),
        ons4=None if d["ons4"] is None else Ons4(*d["ons4"]),
        swemwbs=None if d["swemwbs"] is None else Swemwbs(tuple(d["swemwbs"])),
    )


class SqlSocialReferralRepository(_PersonOwned):
    """Referrals, by referral date."""

    table = referrals
    kind = "referral"
    order = ("referred_on", "id")

    def _to_row(self, r: Referral) -> dict[str, Any]:
        row = {name: getattr(r, name) for name in SIMPLE}
        row["source"] = r.source.value
        row["plan"] = [
            {"service_id": p.service_id, "note": p.note, "status": p.status.value} for p in r.plan
        ]
        row["follow_ups"] = [
            {"held_on": f.held_on.isoformat(), "note": f.note} for f in r.follow_ups
        ]
        row["wellbeing"] = [_wellbeing_to_json(w) for w in r.wellbeing]
        return row

    def _from_row(self, row: RowMapping) -> Referral:
        return Referral(
            source=row["source"],
            plan=tuple(PlannedService(**p) for p in row["plan"]),
            follow_ups=tuple(
                FollowUp(date.fromisoformat(f["held_on"]), f["note"]) for f in row["follow_ups"]
            ),
            wellbeing=tuple(_wellbeing_from_json(w) for w in row["wellbeing"]),
            **{name: row[name] for name in SIMPLE},
        )

    def list(
        self,
        *,
        person_ids: Collection[str] | None = None,
        link_worker_id: str | None = None,
        open_only: bool = False,
    ) -> list[Referral]:
        """Referrals of the given people (``None``: everyone's), of one link worker if given."""
        columns = self.table.c
        statement = select(self.table).order_by(columns.referred_on, columns.id)
        if link_worker_id is not None:
            statement = statement.where(columns.link_worker_id == link_worker_id)
        if open_only:
            statement = statement.where(columns.declined_on.is_(None), columns.closed_on.is_(None))
        if person_ids is None:
            return self._fetch(statement)
        found: list[Referral] = []
        for chunk in chunks(sorted(set(person_ids))):
            found += self._fetch(statement.where(columns.person_id.in_(chunk)))
        return sorted(found, key=lambda r: (r.referred_on, r.id))
