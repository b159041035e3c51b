"""What the commissioning services share when they write the ledger: the accounts they post to
(opened on first use, named by a stable key) and posting that checks the accounts first."""

from __future__ import annotations

from careweave.domain.commissioning.budgets import PersonalBudget
from careweave.domain.commissioning.ledger import (
    Account,
    AccountKind,
    Transaction,
    Unit,
    check_postable,
)
from careweave.services.commissioning.ports import Ledger

FUNDING_NAMES = {
    Unit.PENCE: "Council: money committed to budgets",
    Unit.MINUTES: "Council: hours commissioned",
}


def ensure_account(ledger: Ledger, template: Account) -> Account:
    """The account with ``template``'s key, opened as ``template`` when there is none yet."""
    found = ledger.find_account(template.key)
    if found is not None:
        return found
    ledger.add_account(template)
    return template


def funding_account(ledger: Ledger, unit: Unit) -> Account:
    """The council's account that money (or hours) is committed from."""
    return ensure_account(
        ledger, Account(f"funding:{unit.value}", AccountKind.FUNDING, unit, FUNDING_NAMES[unit])
    )


def budget_account(ledger: Ledger, budget: PersonalBudget) -> Account:
    """The budget's own account (an ISF's too: held for this one person)."""
    name = f"Personal budget from {budget.starts_on:%d %b %Y}"
    return ensure_account(
        ledger,
        Account(f"budget:{budget.id}", AccountKind.BUDGET, Unit.PENCE, name, budget.person_id),
    )


def post(ledger: Ledger, transaction: Transaction) -> Transaction:
    """Post ``transaction`` after checking its units and that it pools nobody's money."""
    accounts = ledger.accounts([line.account_id for line in transaction.lines])
    check_postable(transaction, accounts)
    ledger.post(transaction)
    return transaction
