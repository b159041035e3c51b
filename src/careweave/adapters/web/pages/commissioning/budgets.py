"""The budgets pages: where to start, a person's budgets with the indicative figure and the form
that agrees one, and the commissioner's figures."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import CurrentActor, Svc, Templates
from careweave.adapters.web.pages.commissioning.views import (
    MANAGEMENT_WORDS,
    BudgetLine,
    money,
    pence_of,
)
from careweave.adapters.web.pages.plans.forms import text
from careweave.domain.accounts.users import Role
from careweave.services.accounts.access import has_role
from careweave.services.plans.access import may_plan

router = APIRouter(include_in_schema=False)
SAVED = {"agreed": "The budget is agreed.", "reversed": "The entry is reversed."}


@router.get("/commissioning")
def start(request: Request, actor: CurrentActor, svc: Svc, templates: Templates) -> Response:
    """The commissioner's figures; for everyone else, the people and teams to open."""
    context: dict[str, object] = {
        "reads_figures": has_role(actor, Role.COMMISSIONER),
        "people": sorted(actor.person_ids | actor.assigned_person_ids),
        "teams": sorted(actor.team_ids),
        "table": svc.budgets.allocation_table(),
    }
    if context["reads_figures"]:
        figures = svc.budgets.figures(actor)
        context["figures"] = figures
        context["rows"] = [
            (
                MANAGEMENT_WORDS[m],
                figures.people_by_management[m],
                money(figures.weekly_pence_by_management[m]),
            )
            for m in MANAGEMENT_WORDS
        ]
        context["weekly"] = money(figures.weekly_pence)
    return templates.TemplateResponse(request, "pages/commissioning/start.html", context)


@router.get("/commissioning/people/{person_id}")
def person_budgets(
    request: Request, person_id: str, actor: CurrentActor, svc: Svc, templates: Templates
) -> Response:
    """A person's budgets, newest first, each with what may be done next."""
    found = svc.budgets.of_person(actor, person_id)
    lines = [
        BudgetLine.of(b, svc.ledger.budget_statement(actor, b.id), may_plan(actor)) for b in found
    ]
    context = {
        "person_id": person_id,
        "lines": lines,
        "saved": SAVED.get(request.query_params.get("saved", ""), ""),
    }
    return templates.TemplateResponse(request, "pages/commissioning/person.html", context)


@router.post("/commissioning/budgets/{budget_id}/agree")
async def agree(request: Request, budget_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Agree a proposed budget at the weekly amount typed in pounds."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    weekly = pence_of(text(form, "weekly"), "agreed_weekly_pence")
    budget = svc.budgets.agree(actor, budget_id, weekly)
    return RedirectResponse(
        f"/commissioning/people/{budget.person_id}?saved=agreed", status_code=303
    )


@router.post("/commissioning/transactions/{transaction_id}/reverse")
async def reverse(request: Request, transaction_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Correct a mistaken entry by its reversal, saying why; back to the person's budgets."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    svc.ledger.reverse(actor, transaction_id, text(form, "memo"))
    back = text(form, "person_id")
    target = f"/commissioning/people/{back}?saved=reversed" if back.isalnum() else "/commissioning"
    return RedirectResponse(target, status_code=303)
