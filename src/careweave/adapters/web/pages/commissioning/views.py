"""What the commissioning pages show, worked out here so that templates get words, amounts as
text and booleans, never a status to compare."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from careweave.domain.commissioning.budgets import Management, PersonalBudget
from careweave.domain.errors import DomainValidationError
from careweave.services.commissioning.ledger import Entry, Statement

MANAGEMENT_WORDS = {
    Management.DIRECT_PAYMENT: "Direct payment",
    Management.INDIVIDUAL_SERVICE_FUND: "Individual Service Fund",
    Management.COUNCIL_MANAGED: "Managed by the council",
}
PENCE = Decimal(100)


def money(pence: int) -> str:
    """Pence as pounds for people to read: ``£1,234.50``, ``-£3.00``."""
    sign = "-" if pence < 0 else ""
    return f"{sign}£{abs(pence) / 100:,.2f}"


def pence_of(pounds: str, field: str) -> int:
    """An amount typed in pounds ("£1,234.50", "12") as whole pence, exactly (no float)."""
    cleaned = pounds.strip().replace("£", "").replace(",", "")
    try:
        amount = Decimal(cleaned) * PENCE
    except InvalidOperation:
        raise DomainValidationError(field, f"{pounds!r} is not an amount in pounds") from None
    if not amount.is_finite() or amount != amount.to_integral_value():
        raise DomainValidationError(field, f"{pounds!r} is not an amount in pounds and pence")
    return int(amount)


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """A budget as the person's page shows it."""

    budget: PersonalBudget
    management: str
    indicative: str
    agreed: str
    period: str
    can_agree: bool
    unsigned: tuple[str, ...]
    left: str
    entries: tuple[EntryLine, ...]

    @classmethod
    def of(cls, budget: PersonalBudget, statement: Statement, may_manage: bool) -> BudgetLine:
        """The budget and its statement, with whether ``may_manage`` lets the reader agree it
        now or reverse its entries."""
        unsigned = () if budget.isf is None else budget.isf.unsigned_by(budget.ends_on)
        return cls(
            budget,
            MANAGEMENT_WORDS[budget.management],
            money(budget.indicative_weekly_pence),
            "" if budget.agreed_weekly_pence is None else money(budget.agreed_weekly_pence),
            money(budget.period_pence),
            may_manage and not budget.is_agreed,
            unsigned,
            money(statement.balance),
            tuple(EntryLine.of(e, may_manage) for e in statement.entries),
        )


@dataclass(frozen=True, slots=True)
class EntryLine:
    """One entry of a budget's statement."""

    entry: Entry
    amount: str
    note: str
    can_reverse: bool

    @classmethod
    def of(cls, entry: Entry, may_manage: bool) -> EntryLine:
        """The entry, and whether the reader may reverse it (once, never a reversal)."""
        original = entry.transaction.reverses is None
        note = "reversed" if entry.reversed else "" if original else "a correction"
        return cls(entry, money(entry.amount), note, may_manage and original and not entry.reversed)
