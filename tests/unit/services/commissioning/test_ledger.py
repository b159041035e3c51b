"""Ledger use cases: a budget's allocation, payments, reversals, statements; who may."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tests.unit.services.neighbourhood import Neighbourhood

from careweave.domain.commissioning.budgets import Funding, Management, PersonalBudget
from careweave.domain.commissioning.ledger import AccountKind
from careweave.domain.errors import (
    ConflictError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)
from careweave.services.accounts.access import Actor
from careweave.services.commissioning.budgets import BudgetProposal, BudgetService
from careweave.services.commissioning.ledger import LedgerService, Payment

START = date(2026, 3, 2)


@pytest.fixture
def agreed(budgets: BudgetService, pat: Actor, town: Neighbourhood) -> PersonalBudget:
    proposal = BudgetProposal(START, Management.DIRECT_PAYMENT, Funding.LOCAL_AUTHORITY)
    budget = budgets.propose(pat, town.person_a.id, proposal)
    return budgets.agree(pat, budget.id, 20_000)


def test_agreeing_allocates_the_whole_period_to_the_budgets_account(
    ledger: LedgerService, agreed: PersonalBudget, pat: Actor
) -> None:
    statement = ledger.budget_statement(pat, agreed.id)

    assert statement.balance == 20_000 * 52
    assert [e.amount for e in statement.entries] == [20_000 * 52]


def test_a_payment_and_its_reversal_leave_the_balance_where_it_was(
    ledger: LedgerService, agreed: PersonalBudget, pat: Actor, alice: Actor
) -> None:
    payee = ledger.open_payee(alice, AccountKind.PROVIDER, "Wigan Homecare Ltd")
    paid = ledger.pay(pat, agreed.id, Payment(payee.id, 18_000, START, "Week 1"))
    assert ledger.budget_statement(pat, agreed.id).balance == 20_000 * 52 - 18_000

    ledger.reverse(pat, paid.id, "paid twice by mistake")

    statement = ledger.budget_statement(pat, agreed.id)
    assert statement.balance == 20_000 * 52
    assert [e.amount for e in statement.entries] == [20_000 * 52, -18_000, 18_000]
    assert statement.entries[1].reversed
    with pytest.raises(ConflictError):
        ledger.reverse(pat, paid.id, "again")


def test_payments_need_an_agreed_budget_a_day_in_its_period_and_a_payee(
    ledger: LedgerService,
    budgets: BudgetService,
    agreed: PersonalBudget,
    pat: Actor,
    town: Neighbourhood,
    nothing_written: Any,
) -> None:
    payee = ledger.open_payee(pat, AccountKind.CARER, "Sam Personal-Assistant")
    proposed = budgets.propose(
        pat,
        town.person_a.id,
        BudgetProposal(date(2027, 3, 1), Management.DIRECT_PAYMENT, Funding.LOCAL_AUTHORITY),
    )
    cases = [
        (proposed.id, Payment(payee.id, 100, date(2027, 3, 1), "x"), "budget_id"),
        (agreed.id, Payment(payee.id, 100, date(2030, 1, 1), "x"), "booked_on"),
        (agreed.id, Payment(payee.id, 0, START, "x"), "amount"),
    ]
    for budget_id, payment, field in cases:
        with nothing_written(), pytest.raises(DomainValidationError) as caught:
            ledger.pay(pat, budget_id, payment)
        assert caught.value.field == field


@pytest.mark.parametrize("persona", ["bob", "charlie", "dora", "edna"], indirect=True)
def test_only_those_who_manage_the_budget_pay_from_it(
    ledger: LedgerService, agreed: PersonalBudget, pat: Actor, persona: Actor
) -> None:
    payee = ledger.open_payee(pat, AccountKind.PROVIDER, "Wigan Homecare Ltd")

    with pytest.raises((NotFoundError, PermissionDeniedError)):
        ledger.pay(persona, agreed.id, Payment(payee.id, 100, START, "x"))


@pytest.mark.parametrize("persona", ["bob", "charlie", "edna"], indirect=True)
def test_a_budgets_statement_is_not_for_care_workers_outsiders_or_the_commissioner(
    ledger: LedgerService, agreed: PersonalBudget, persona: Actor
) -> None:
    with pytest.raises(NotFoundError):
        ledger.budget_statement(persona, agreed.id)


def test_the_commissioner_reads_council_and_payee_accounts_only(
    ledger: LedgerService, agreed: PersonalBudget, pat: Actor, edna: Actor, alice: Actor
) -> None:
    payee = ledger.open_payee(pat, AccountKind.PROVIDER, "Wigan Homecare Ltd")
    ledger.pay(pat, agreed.id, Payment(payee.id, 18_000, START, "Week 1"))

    assert ledger.account_statement(edna, payee.id).balance == 18_000
    with pytest.raises(PermissionDeniedError):
        ledger.account_statement(alice, payee.id)
    budget_account = ledger.budget_statement(pat, agreed.id).account
    with pytest.raises(DomainValidationError):
        ledger.account_statement(edna, budget_account.id)


def test_a_payee_is_opened_once_and_is_a_payee(
    ledger: LedgerService, pat: Actor, bob: Actor
) -> None:
    ledger.open_payee(pat, AccountKind.MICRO_ENTERPRISE, "Friendly Gardens")

    with pytest.raises(ConflictError):
        ledger.open_payee(pat, AccountKind.MICRO_ENTERPRISE, "friendly gardens ")
    with pytest.raises(DomainValidationError):
        ledger.open_payee(pat, AccountKind.BUDGET, "Somebody")
    with pytest.raises(PermissionDeniedError):
        ledger.open_payee(bob, AccountKind.PROVIDER, "Bob's own firm")
    assert [a.name for a in ledger.payees(pat)] == ["Friendly Gardens"]
