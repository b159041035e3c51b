"""``/api/commissioning/allocation-table``, ``/api/people/{person}/budgets`` and
``/api/budgets``: the resource allocation table and personal budgets."""

from __future__ import annotations

from fastapi import APIRouter

from careweave.adapters.web.api.commissioning.schemas import (
    AgreeIn,
    AllocationTableSchema,
    BudgetFiguresPublic,
    BudgetIn,
    BudgetPublic,
    IndicativePublic,
    IsfSchema,
)
from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.deps import CurrentActor, Svc

router = APIRouter(tags=["commissioning"], responses=ERROR_RESPONSES)


@router.get("/commissioning/allocation-table", summary="The resource allocation table")
def get_allocation_table(_actor: CurrentActor, svc: Svc) -> AllocationTableSchema:
    """The points and prices that turn an assessment into an indicative budget."""
    return AllocationTableSchema.of(svc.budgets.allocation_table())


@router.put("/commissioning/allocation-table", summary="Set the resource allocation table")
def set_allocation_table(
    body: AllocationTableSchema, actor: CurrentActor, svc: Svc
) -> AllocationTableSchema:
    """The commissioner sets the table; budgets proposed from now on use it."""
    return AllocationTableSchema.of(svc.budgets.set_allocation_table(actor, body.to_domain()))


@router.get("/commissioning/budget-figures", summary="Budgets by how they are managed")
def figures(actor: CurrentActor, svc: Svc) -> BudgetFiguresPublic:
    """Agreed budgets running today, counted and summed (the commissioner; no names)."""
    return BudgetFiguresPublic.of(svc.budgets.figures(actor))


@router.get("/people/{person_id}/indicative-budget", summary="A person's indicative budget")
def indicative(person_id: PathId, actor: CurrentActor, svc: Svc) -> IndicativePublic:
    """The weekly figure the table gives for the person's latest eligibility assessment."""
    return IndicativePublic.of(svc.budgets.indicative(actor, person_id))


@router.post("/people/{person_id}/budgets", status_code=201, summary="Propose a budget")
def propose(person_id: PathId, body: BudgetIn, actor: CurrentActor, svc: Svc) -> BudgetPublic:
    """Propose a budget at the indicative figure (the practitioner or team coordinator)."""
    return BudgetPublic.of(svc.budgets.propose(actor, person_id, body.to_proposal()))


@router.get("/people/{person_id}/budgets", summary="A person's budgets")
def of_person(person_id: PathId, actor: CurrentActor, svc: Svc) -> list[BudgetPublic]:
    """The person's budgets, newest first."""
    return [BudgetPublic.of(b) for b in svc.budgets.of_person(actor, person_id)]


@router.get("/budgets/{budget_id}", summary="A budget")
def get_budget(budget_id: PathId, actor: CurrentActor, svc: Svc) -> BudgetPublic:
    """One personal budget."""
    return BudgetPublic.of(svc.budgets.get(actor, budget_id))


@router.put("/budgets/{budget_id}/isf", summary="Record the ISF agreement's signatures")
def sign_isf(budget_id: PathId, body: IsfSchema, actor: CurrentActor, svc: Svc) -> BudgetPublic:
    """The ISF's provider and the dates the person, council and provider signed."""
    return BudgetPublic.of(svc.budgets.sign_isf(actor, budget_id, body.to_domain()))


@router.post("/budgets/{budget_id}/agreement", summary="Agree the budget")
def agree(budget_id: PathId, body: AgreeIn, actor: CurrentActor, svc: Svc) -> BudgetPublic:
    """Agree the weekly budget (an ISF once all three parties have signed)."""
    return BudgetPublic.of(svc.budgets.agree(actor, budget_id, body.weekly_pence))
