"""SQL repositories of personal budgets, the allocation table and time-bank agreements."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from careweave.adapters.storage.commissioning import tables
from careweave.adapters.storage.person_owned import _PersonOwned
from careweave.adapters.storage.repository import affected_rows, chunks
from careweave.domain.commissioning.allocation import ResourceAllocationTable
from careweave.domain.commissioning.budgets import BudgetStatus, IsfAgreement, PersonalBudget
from careweave.domain.commissioning.time_banks import TimeBankAgreement

ALLOCATION_TABLE = "allocation_table"


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _isf_to_json(isf: IsfAgreement | None) -> dict[str, Any] | None:
    if isf is None:
        return None
    signed = (isf.person_signed_on, isf.council_signed_on, isf.provider_signed_on)
    person, council, provider = (d.isoformat() if d else None for d in signed)
    return {"provider": isf.provider, "person": person, "council": council, "by_provider": provider}


def _isf_from_json(d: dict[str, Any] | None) -> IsfAgreement | None:
    if d is None:
        return None
    return IsfAgreement(
        d["provider"], _day(d["person"]), _day(d["council"]), _day(d["by_provider"])
    )


class SqlBudgetRepository(_PersonOwned):
    """Personal budgets in ``cm_budgets``, newest period first."""

    table = tables.budgets
    kind = "budget"

    def _to_row(self, b: PersonalBudget) -> dict[str, Any]:
        return {
            "id": b.id,
            "person_id": b.person_id,
            "status": b.status.value,
            "management": b.management.value,
            "funding": b.funding.value,
            "starts_on": b.starts_on,
            "ends_on": b.ends_on,
            "agreed_weekly_pence": b.agreed_weekly_pence,
            "body": {
                "indicative_weekly_pence": b.indicative_weekly_pence,
                "indicative_points": b.indicative_points,
                "isf": _isf_to_json(b.isf),
                "agreed_on": b.agreed_on.isoformat() if b.agreed_on else None,
                "agreed_by": b.agreed_by,
            },
        }

    def _from_row(self, r: RowMapping) -> PersonalBudget:
        body = r["body"]
        return PersonalBudget(
            id=r["id"],
            person_id=r["person_id"],
            status=r["status"],
            management=r["management"],
            funding=r["funding"],
            starts_on=r["starts_on"],
            ends_on=r["ends_on"],
            agreed_weekly_pence=r["agreed_weekly_pence"],
            indicative_weekly_pence=body["indicative_weekly_pence"],
            indicative_points=body["indicative_points"],
            isf=_isf_from_json(body["isf"]),
            agreed_on=_day(body["agreed_on"]),
            agreed_by=body["agreed_by"],
        )

    def list_for_person(self, person_id: str) -> list[PersonalBudget]:
        """The person's budgets, newest period first."""
        columns = self.table.c
        statement = select(self.table).where(columns.person_id == person_id)
        return self._fetch(statement.order_by(columns.starts_on.desc(), columns.id))

    def list_agreed(self) -> list[PersonalBudget]:
        """Every agreed budget, by start."""
        columns = self.table.c
        statement = select(self.table).where(columns.status == BudgetStatus.AGREED.value)
        return self._fetch(statement.order_by(columns.starts_on, columns.id))


class SqlAllocationTableRepository:
    """The resource allocation table in ``cm_settings`` (the defaults until set)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self) -> ResourceAllocationTable:
        """The table in force."""
        table = tables.settings
        row = self.session.execute(
            select(table.c.value).where(table.c.name == ALLOCATION_TABLE)
        ).first()
        return (
            ResourceAllocationTable() if row is None else ResourceAllocationTable.from_dict(row[0])
        )

    def put(self, allocation: ResourceAllocationTable) -> None:
        """Set the table."""
        table = tables.settings
        value = allocation.as_dict()
        changed = self.session.execute(
            update(table).where(table.c.name == ALLOCATION_TABLE).values(value=value)
        )
        if affected_rows(changed) == 0:
            self.session.execute(insert(table).values(name=ALLOCATION_TABLE, value=value))


class SqlTimeBankRepository(_PersonOwned):
    """Time-bank agreements in ``cm_time_banks``: one per person and block."""

    table = tables.time_banks
    kind = "time bank"

    def _to_row(self, a: TimeBankAgreement) -> dict[str, Any]:
        return {
            "id": a.id,
            "person_id": a.person_id,
            "block_start": a.block_start,
            "agreed_minutes": a.agreed_minutes,
            "agreed_by": a.agreed_by,
        }

    def _from_row(self, r: RowMapping) -> TimeBankAgreement:
        return TimeBankAgreement(
            r["person_id"], r["block_start"], r["agreed_minutes"], r["agreed_by"], r["id"]
        )

    def list_for_block(
        self, block_start: date, person_ids: Collection[str]
    ) -> list[TimeBankAgreement]:
        """The agreements of ``person_ids`` for the block starting ``block_start``."""
        c = self.table.c
        found: list[TimeBankAgreement] = []
        for chunk in chunks(sorted(set(person_ids))):
            statement = select(self.table).where(
                c.block_start == block_start, c.person_id.in_(chunk)
            )
            found += self._fetch(statement.order_by(c.person_id))
        return found
