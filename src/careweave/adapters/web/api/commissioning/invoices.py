"""``/api/teams/{team}/invoices``, ``/api/invoices`` and ``/api/commissioning/invoice-rules``:
invoice runs by period, credit notes, CSV, and the rules for paying by the minute."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel, Field

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.common_schemas import Schema, ShortText
from careweave.adapters.web.deps import CurrentActor, Svc
from careweave.domain.commissioning.invoicing import (
    MAX_BLOCK_PENCE,
    MAX_MINIMUM_MINUTES,
    MAX_RATE_PENCE,
    MAX_UNIT_MINUTES,
    Invoice,
    InvoiceKind,
    PaidMinutes,
    PerMinuteRules,
    Rounding,
)

router = APIRouter(tags=["commissioning"], responses=ERROR_RESPONSES)
CSV_COLUMNS = (
    "invoice",
    "kind",
    "provider_team_id",
    "line",
    "day",
    "description",
    "minutes",
    "pence_per_hour",
    "amount_pence",
)


class RulesSchema(Schema):
    """The rules for paying time-and-task care by the minute (in requests and answers)."""

    pence_per_hour: int = Field(2_350, ge=1, le=MAX_RATE_PENCE, strict=True)
    paid_minutes: PaidMinutes = PaidMinutes.ACTUAL
    unit_minutes: int = Field(5, ge=1, le=MAX_UNIT_MINUTES, strict=True)
    rounding: Rounding = Rounding.NEAREST
    minimum_minutes: int = Field(15, ge=0, le=MAX_MINIMUM_MINUTES, strict=True)

    def to_domain(self) -> PerMinuteRules:
        """The domain rules."""
        return PerMinuteRules(**self.model_dump())


class BlockPriceSchema(Schema):
    """A neighbourhood team's block price per four-week period, in pence (0: none)."""

    pence_per_period: int = Field(ge=0, le=MAX_BLOCK_PENCE, strict=True)


class RunIn(Schema):
    """Which four-week period to invoice (its first day)."""

    period_start: date


class CreditIn(Schema):
    """What a credit note takes back (every line when ``sources`` is empty) and why."""

    sources: list[ShortText] = Field(default_factory=list, max_length=10_000)
    reason: ShortText = Field(min_length=1)


class InvoiceLinePublic(BaseModel):
    """One charge."""

    source: str
    day: date
    description: str
    minutes: int
    pence_per_hour: int
    amount_pence: int


class InvoicePublic(BaseModel):
    """An invoice or credit note."""

    id: str
    kind: InvoiceKind
    provider_team_id: str
    period_start: date
    period_end: date
    issued_at: datetime
    corrects: str | None
    reason: str
    total_pence: int
    lines: list[InvoiceLinePublic]

    @classmethod
    def of(cls, i: Invoice) -> InvoicePublic:
        """The schema of a domain invoice."""
        lines = [InvoiceLinePublic.model_validate(x, from_attributes=True) for x in i.lines]
        return cls(
            id=i.id,
            kind=i.kind,
            provider_team_id=i.provider_team_id,
            period_start=i.period_start,
            period_end=i.period_end,
            issued_at=i.issued_at,
            corrects=i.corrects,
            reason=i.reason,
            total_pence=i.total_pence,
            lines=lines,
        )


def invoice_csv(invoice: Invoice) -> str:
    """The invoice as CSV: a header, then one row per line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for number, x in enumerate(invoice.lines, start=1):
        where = (invoice.id, invoice.kind.value, invoice.provider_team_id, number)
        writer.writerow(
            [*where, x.day.isoformat(), x.description, x.minutes, x.pence_per_hour, x.amount_pence]
        )
    return out.getvalue()


@router.get("/commissioning/invoice-rules", summary="The rules for paying by the minute")
def get_rules(_actor: CurrentActor, svc: Svc) -> RulesSchema:
    """Rate, which minutes are paid, rounding and the minimum charge."""
    return RulesSchema(**svc.invoices.rules().as_dict())


@router.put("/commissioning/invoice-rules", summary="Set the rules for paying by the minute")
def set_rules(body: RulesSchema, actor: CurrentActor, svc: Svc) -> RulesSchema:
    """The commissioner sets them; periods invoiced from now on use them."""
    return RulesSchema(**svc.invoices.set_rules(actor, body.to_domain()).as_dict())


@router.put("/teams/{team_id}/block-price", summary="Set a neighbourhood team's block price")
def set_block_price(
    team_id: PathId, body: BlockPriceSchema, actor: CurrentActor, svc: Svc
) -> BlockPriceSchema:
    """The price per four weeks of a team that supports people as a neighbourhood team."""
    pence = svc.invoices.set_team_block(actor, team_id, body.pence_per_period)
    return BlockPriceSchema(pence_per_period=pence)


@router.post("/teams/{team_id}/invoices", summary="Invoice a team's period")
def run(team_id: PathId, body: RunIn, actor: CurrentActor, svc: Svc) -> InvoicePublic:
    """Invoice the period (all or nothing); again, the same invoice comes back unchanged."""
    return InvoicePublic.of(svc.invoices.run(actor, team_id, body.period_start))


@router.get("/invoices", summary="Invoices and credit notes")
def list_invoices(actor: CurrentActor, svc: Svc) -> list[InvoicePublic]:
    """Every invoice and credit note, newest period first (the commissioner)."""
    return [InvoicePublic.of(i) for i in svc.invoices.list(actor)]


@router.get("/invoices/{invoice_id}", summary="An invoice")
def get_invoice(invoice_id: PathId, actor: CurrentActor, svc: Svc) -> InvoicePublic:
    """One invoice or credit note."""
    return InvoicePublic.of(svc.invoices.get(actor, invoice_id))


@router.get("/invoices/{invoice_id}/csv", summary="An invoice as CSV", response_class=Response)
def get_csv(invoice_id: PathId, actor: CurrentActor, svc: Svc) -> Response:
    """One row per line, for the council's finance system."""
    invoice = svc.invoices.get(actor, invoice_id)
    headers = {"Content-Disposition": f'attachment; filename="invoice-{invoice.id}.csv"'}
    return Response(invoice_csv(invoice), media_type="text/csv", headers=headers)


@router.post("/invoices/{invoice_id}/credit-notes", status_code=201, summary="Credit an invoice")
def credit(invoice_id: PathId, body: CreditIn, actor: CurrentActor, svc: Svc) -> InvoicePublic:
    """A credit note taking back lines (each at most once): invoices are never edited."""
    return InvoicePublic.of(svc.invoices.credit(actor, invoice_id, body.sources, body.reason))
