"""``/api/commissioning/accounts``, ``/api/budgets/{id}/payments`` and
``/api/commissioning/transactions``: the ledger's payees, payments, reversals and statements."""

from __future__ import annotations

from fastapi import APIRouter

from careweave.adapters.web.api.commissioning.ledger_schemas import (
    AccountPublic,
    PayeeIn,
    PaymentIn,
    ReversalIn,
    StatementPublic,
    TransactionPublic,
)
from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.deps import CurrentActor, Svc

router = APIRouter(tags=["commissioning"], responses=ERROR_RESPONSES)


@router.post("/commissioning/accounts", status_code=201, summary="Open a payee's account")
def open_payee(body: PayeeIn, actor: CurrentActor, svc: Svc) -> AccountPublic:
    """A provider, carer or micro-enterprise that budgets pay."""
    return AccountPublic.of(svc.ledger.open_payee(actor, body.kind, body.name))


@router.get("/commissioning/accounts", summary="Payees' accounts")
def payees(actor: CurrentActor, svc: Svc) -> list[AccountPublic]:
    """Every payee's account, by name."""
    return [AccountPublic.of(a) for a in svc.ledger.payees(actor)]


@router.get("/commissioning/accounts/{account_id}/statement", summary="An account's statement")
def account_statement(account_id: PathId, actor: CurrentActor, svc: Svc) -> StatementPublic:
    """A council or payee account's entries and balance (the commissioner)."""
    return StatementPublic.of(svc.ledger.account_statement(actor, account_id))


@router.get("/budgets/{budget_id}/statement", summary="A budget's statement")
def budget_statement(budget_id: PathId, actor: CurrentActor, svc: Svc) -> StatementPublic:
    """What was allocated, paid and corrected, and what is left (summed from the journal)."""
    return StatementPublic.of(svc.ledger.budget_statement(actor, budget_id))


@router.post("/budgets/{budget_id}/payments", status_code=201, summary="Pay from a budget")
def pay(budget_id: PathId, body: PaymentIn, actor: CurrentActor, svc: Svc) -> TransactionPublic:
    """Pay a payee from an agreed budget."""
    return TransactionPublic.of(svc.ledger.pay(actor, budget_id, body.to_payment()))


@router.post(
    "/commissioning/transactions/{transaction_id}/reversal",
    status_code=201,
    summary="Reverse a transaction",
)
def reverse(
    transaction_id: PathId, body: ReversalIn, actor: CurrentActor, svc: Svc
) -> TransactionPublic:
    """Correct a mistake by posting the transaction's reversal (once; nothing is edited)."""
    return TransactionPublic.of(svc.ledger.reverse(actor, transaction_id, body.memo))
