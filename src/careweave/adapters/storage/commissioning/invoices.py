"""SQL repositories of invoices (add and read only) and of the rules for paying by the minute."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from careweave.adapters.storage.accounts.repositories import as_utc
from careweave.adapters.storage.commissioning import tables as t
from careweave.adapters.storage.repository import affected_rows, integrity_as_conflict
from careweave.domain.commissioning.invoicing import (
    Invoice,
    InvoiceKind,
    InvoiceLine,
    PerMinuteRules,
)
from careweave.domain.errors import NotFoundError

INVOICE_RULES = "invoice_rules"


def _run_key(team_id: str, period_start: date) -> str:
    return f"{team_id}:{period_start.isoformat()}"


def _line_to_json(x: InvoiceLine) -> dict[str, Any]:
    return {
        "source": x.source,
        "day": x.day.isoformat(),
        "description": x.description,
        "minutes": x.minutes,
        "pence_per_hour": x.pence_per_hour,
        "amount_pence": x.amount_pence,
    }


def _line_from_json(d: dict[str, Any]) -> InvoiceLine:
    return InvoiceLine(
        d["source"],
        date.fromisoformat(d["day"]),
        d["description"],
        d["minutes"],
        d["pence_per_hour"],
        d["amount_pence"],
    )


def _invoice(r: RowMapping) -> Invoice:
    return Invoice(
        provider_team_id=r["provider_team_id"],
        period_start=r["period_start"],
        period_end=r["period_end"],
        issued_at=as_utc(r["issued_at"]),
        lines=tuple(_line_from_json(d) for d in r["lines"]),
        kind=r["kind"],
        corrects=r["corrects"],
        reason=r["reason"],
        id=r["id"],
    )


class SqlInvoiceRepository:
    """Invoices and credit notes in ``cm_invoices``; nothing here changes or removes one."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, item: Invoice) -> None:
        """Store an issued invoice (ConflictError if the provider's period was invoiced)."""
        is_invoice = item.kind is InvoiceKind.INVOICE
        row = {
            "id": item.id,
            "provider_team_id": item.provider_team_id,
            "kind": item.kind.value,
            "period_start": item.period_start,
            "period_end": item.period_end,
            "issued_at": item.issued_at,
            "run_key": _run_key(item.provider_team_id, item.period_start) if is_invoice else None,
            "corrects": item.corrects,
            "reason": item.reason,
            "total_pence": item.total_pence,
            "lines": [_line_to_json(x) for x in item.lines],
        }
        with integrity_as_conflict(self.session, "the period was invoiced already"):
            self.session.execute(insert(t.invoices).values(**row))

    def get(self, ident: str) -> Invoice:
        """The invoice with ``ident``."""
        found = self._fetch(select(t.invoices).where(t.invoices.c.id == ident))
        if not found:
            raise NotFoundError("invoice", ident)
        return found[0]

    def find_run(self, provider_team_id: str, period_start: date) -> Invoice | None:
        """The provider's invoice of the period, if issued."""
        key = _run_key(provider_team_id, period_start)
        found = self._fetch(select(t.invoices).where(t.invoices.c.run_key == key))
        return found[0] if found else None

    def credit_notes_of(self, invoice_id: str) -> Sequence[Invoice]:
        """Credit notes correcting ``invoice_id``, oldest first."""
        c = t.invoices.c
        return self._fetch(
            select(t.invoices).where(c.corrects == invoice_id).order_by(c.issued_at, c.id)
        )

    def list(self, *, provider_team_id: str | None = None) -> Sequence[Invoice]:
        """Invoices and credit notes, newest period first."""
        c = t.invoices.c
        statement: Select[Any] = select(t.invoices).order_by(
            c.period_start.desc(), c.issued_at, c.id
        )
        if provider_team_id is not None:
            statement = statement.where(c.provider_team_id == provider_team_id)
        return self._fetch(statement)

    def _fetch(self, statement: Select[Any]) -> Sequence[Invoice]:
        return [_invoice(r) for r in self.session.execute(statement).mappings()]


class SqlInvoiceRulesRepository:
    """The rules for paying by the minute in ``cm_settings`` (the defaults until set)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self) -> PerMinuteRules:
        """The rules in force."""
        table = t.settings
        row = self.session.execute(
            select(table.c.value).where(table.c.name == INVOICE_RULES)
        ).first()
        return PerMinuteRules() if row is None else PerMinuteRules(**row[0])

    def put(self, rules: PerMinuteRules) -> None:
        """Set the rules."""
        table = t.settings
        value = rules.as_dict()
        changed = self.session.execute(
            update(table).where(table.c.name == INVOICE_RULES).values(value=value)
        )
        if affected_rows(changed) == 0:
            self.session.execute(insert(table).values(name=INVOICE_RULES, value=value))

    def team_block(self, team_id: str) -> int:
        """The team's block price in pence per four weeks (0 until set)."""
        table = t.settings
        row = self.session.execute(
            select(table.c.value).where(table.c.name == _block_key(team_id))
        ).first()
        return 0 if row is None else int(row[0]["pence_per_period"])

    def put_team_block(self, team_id: str, pence: int) -> None:
        """Set the team's block price."""
        table = t.settings
        key, value = _block_key(team_id), {"pence_per_period": pence}
        changed = self.session.execute(update(table).where(table.c.name == key).values(value=value))
        if affected_rows(changed) == 0:
            self.session.execute(insert(table).values(name=key, value=value))


def _block_key(team_id: str) -> str:
    # Short, as settings' names are at most 40 characters and a team id is up to 32.
    return f"tb:{team_id}"
