"""Invoices by model of care, worked out from the records of a period.

This module prices **time and task** care per minute, with the rules councils use, each
configurable by the commissioner (:class:`PerMinuteRules`), and **neighbourhood teams** by a block
price per four-week period (:func:`team_block_line`). Per minute:

* which minutes are paid: those **planned** for the visit, or the **actual** minutes of its
  records (every worker's check-in to check-out);
* **rounding** each visit's minutes to a unit (e.g. 15 minutes), up, to the nearest, or down;
* a **minimum charge** per visit in minutes (a 15-minute visit may be charged as 30);
* the **hourly rate** in pence; a visit's charge is its minutes × rate ÷ 60, to the nearest penny
  (half a penny up).

An invoice is never changed once issued: a mistake is corrected by a **credit note**, an
invoice of negated lines that names the invoice it corrects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import new_id, require_member, require_text
from careweave.domain.visits.recording import VisitRecord
from careweave.domain.visits.visit import Visit, VisitStatus

MAX_RATE_PENCE = 100_000  # £1,000 an hour: above any home-care rate, so a typo is refused
MAX_UNIT_MINUTES = 60
MAX_MINIMUM_MINUTES = 120
MAX_BLOCK_PENCE = 100_000_000  # £1m a team per four weeks: far above any, so a typo is refused


class PaidMinutes(StrEnum):
    """Which minutes of a visit are paid."""

    PLANNED = "planned"
    ACTUAL = "actual"


class Rounding(StrEnum):
    """How a visit's minutes are rounded to the unit."""

    UP = "up"
    NEAREST = "nearest"
    DOWN = "down"


def _whole(field_name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DomainValidationError(field_name, f"must be a whole number from {low} to {high}")
    return value


@dataclass(frozen=True, slots=True)
class PerMinuteRules:
    """The commissioner's rules for paying time-and-task care by the minute."""

    pence_per_hour: int = 2_350
    paid_minutes: PaidMinutes = PaidMinutes.ACTUAL
    unit_minutes: int = 5
    rounding: Rounding = Rounding.NEAREST
    minimum_minutes: int = 15

    def __post_init__(self) -> None:
        _whole("invoice_rules.pence_per_hour", self.pence_per_hour, 1, MAX_RATE_PENCE)
        _whole("invoice_rules.unit_minutes", self.unit_minutes, 1, MAX_UNIT_MINUTES)
        _whole("invoice_rules.minimum_minutes", self.minimum_minutes, 0, MAX_MINIMUM_MINUTES)
        paid = require_member("invoice_rules.paid_minutes", self.paid_minutes, PaidMinutes)
        object.__setattr__(self, "paid_minutes", paid)
        rounding = require_member("invoice_rules.rounding", self.rounding, Rounding)
        object.__setattr__(self, "rounding", rounding)

    def as_dict(self) -> dict[str, Any]:
        """The rules by name (for storage and the API)."""
        return {
            "pence_per_hour": self.pence_per_hour,
            "paid_minutes": self.paid_minutes.value,
            "unit_minutes": self.unit_minutes,
            "rounding": self.rounding.value,
            "minimum_minutes": self.minimum_minutes,
        }

    def rounded(self, minutes: int) -> int:
        """``minutes`` rounded to the unit, then raised to the minimum charge."""
        whole, rest = divmod(minutes, self.unit_minutes)
        if rest and (
            self.rounding is Rounding.UP
            or (self.rounding is Rounding.NEAREST and 2 * rest >= self.unit_minutes)
        ):
            whole += 1
        return max(whole * self.unit_minutes, self.minimum_minutes)

    def charge(self, minutes: int) -> int:
        """Pence for ``minutes`` (already rounded) at the hourly rate, half a penny up."""
        return (minutes * self.pence_per_hour * 2 + 60) // 120

    def minutes_of(self, visit: Visit, records: Sequence[VisitRecord]) -> int | None:
        """The visit's paid minutes before rounding (``None``: not chargeable: not done, or no
        minutes recorded when actual minutes are paid)."""
        if visit.status is not VisitStatus.DONE:
            return None
        if self.paid_minutes is PaidMinutes.PLANNED:
            return visit.planned_length * visit.workers_needed
        actual = sum(r.minutes_on_visit or 0 for r in records if r.visit_id == visit.id)
        return actual or None


class InvoiceKind(StrEnum):
    """An invoice, or a credit note correcting one."""

    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """One charge: a visit on a day, its paid minutes, the rate and the amount in pence."""

    source: str
    day: date
    description: str
    minutes: int
    pence_per_hour: int
    amount_pence: int


@dataclass(frozen=True, slots=True)
class Invoice:
    """What the council owes a provider (a team) for a period, or a credit note correcting it."""

    provider_team_id: str
    period_start: date
    period_end: date
    issued_at: datetime
    lines: tuple[InvoiceLine, ...]
    kind: InvoiceKind = InvoiceKind.INVOICE
    corrects: str | None = None
    reason: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", require_member("invoice.kind", self.kind, InvoiceKind))
        if (self.kind is InvoiceKind.CREDIT_NOTE) != (self.corrects is not None):
            raise DomainValidationError("invoice.corrects", "a credit note, and only one, corrects")
        object.__setattr__(
            self, "reason", require_text("reason", self.reason, max_length=300, allow_empty=True)
        )
        if self.kind is InvoiceKind.CREDIT_NOTE and not self.reason:
            raise DomainValidationError("reason", "say why the invoice is corrected")

    @property
    def total_pence(self) -> int:
        """The sum of the lines."""
        return sum(line.amount_pence for line in self.lines)

    def credit(self, sources: Sequence[str], reason: str, issued_at: datetime) -> Invoice:
        """A credit note taking back the lines of ``sources`` (every line when empty)."""
        if self.kind is not InvoiceKind.INVOICE:
            raise DomainValidationError("invoice_id", "a credit note is not itself credited")
        chosen = [line for line in self.lines if not sources or line.source in sources]
        unknown = sorted(set(sources) - {line.source for line in self.lines})
        if unknown:
            raise DomainValidationError("sources", f"not on the invoice: {unknown[0]}")
        if not chosen:
            raise DomainValidationError("sources", "the invoice has no lines to credit")
        negated = tuple(
            InvoiceLine(
                x.source, x.day, x.description, -x.minutes, x.pence_per_hour, -x.amount_pence
            )
            for x in chosen
        )
        return Invoice(
            self.provider_team_id,
            self.period_start,
            self.period_end,
            issued_at,
            negated,
            InvoiceKind.CREDIT_NOTE,
            self.id,
            reason,
        )


def per_minute_lines(
    visits: Sequence[Visit], records: Sequence[VisitRecord], rules: PerMinuteRules
) -> tuple[InvoiceLine, ...]:
    """A line for each chargeable visit, by day: its minutes, rounded, at the rules' rate."""
    lines = []
    for visit in sorted(visits, key=lambda v: (v.day, v.window_start, v.id)):
        minutes = rules.minutes_of(visit, records)
        if minutes is None:
            continue
        paid = rules.rounded(minutes)
        lines.append(
            InvoiceLine(
                f"visit:{visit.id}",
                visit.day,
                f"Visit on {visit.day:%d %b %Y}: {minutes} min {rules.paid_minutes.value}",
                paid,
                rules.pence_per_hour,
                rules.charge(paid),
            )
        )
    return tuple(lines)


def check_block_price(pence: object) -> int:
    """``pence`` if it is a block price (whole pence, none to :data:`MAX_BLOCK_PENCE`)."""
    return _whole("pence_per_period", pence, 0, MAX_BLOCK_PENCE)


def team_block_line(
    team_id: str, period_start: date, pence: int, people: int
) -> InvoiceLine | None:
    """The neighbourhood team's block for the period: its agreed price, however many hours it
    gave its ``people`` (none without a price or anyone supported that way)."""
    if check_block_price(pence) == 0 or people == 0:
        return None
    return InvoiceLine(
        f"team_block:{team_id}:{period_start.isoformat()}",
        period_start,
        f"Neighbourhood team block for the four weeks ({people} people)",
        0,
        0,
        pence,
    )
