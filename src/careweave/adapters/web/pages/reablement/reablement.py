"""The reablement pages: the team's board (open episodes, day of 42, free days left, next weekly
review) with the report figures; starting an episode; an episode with its weekly reviews, Barthel
Index at start and end, and the forms to review and end it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.plans.forms import barthel_from, day, review_from, text
from careweave.bootstrap import Services
from careweave.domain.errors import DomainValidationError
from careweave.domain.reablement.barthel import ALLOWED_SCORES, ITEM_TITLES
from careweave.domain.reablement.episodes import (
    END_RESULT_TITLES,
    FREE_DAYS,
    EndResult,
    ReablementEpisode,
)
from careweave.domain.values import require_member
from careweave.services.accounts.access import Actor

router = APIRouter(include_in_schema=False)


@router.get("/reablement")
def board(
    request: Request, actor: CurrentActor, svc: Svc, templates: Templates, clock: ClockDep
) -> Response:
    """Open episodes, fewest free days left first, with the figures of the episodes you may see."""
    today = clock.today()
    rows = svc.reablement.board(actor, today)
    figures = svc.reablement.figures(actor)
    context = {
        "rows": rows,
        "figures": figures,
        "today": today,
        "free_days": FREE_DAYS,
        "results": END_RESULT_TITLES,
    }
    return templates.TemplateResponse(request, "pages/reablement/reablement.html", context)


@router.get("/people/{person_id}/reablement/new")
def start_form(
    request: Request,
    person_id: str,
    actor: CurrentActor,
    svc: Svc,
    templates: Templates,
    clock: ClockDep,
) -> Response:
    """The form to start an episode, with the Barthel Index at the start."""
    return _start_form(request, person_id, actor, svc, templates, clock.today())


def _start_form(
    request: Request,
    person_id: str,
    actor: Actor,
    svc: Services,
    templates: Jinja2Templates,
    today: date,
    typed: Mapping[str, str] | None = None,
    error: DomainValidationError | None = None,
) -> Response:
    """The start form, again with what was typed and the error beside its input (422) after a
    refusal, so nothing typed is lost."""
    page = svc.person_pages.read_person_page(actor, person_id)
    where = _input_of(error) if error else ""
    context = {
        "person": page.person,
        "plans": page.plans,
        "items": ITEM_TITLES,
        "allowed": ALLOWED_SCORES,
        "typed": typed or {"started_on": today.isoformat()},
        "errors": {where: error} if error and where else {},
        "problem": error.message if error and not where else "",
    }
    status = 422 if error else 200
    return templates.TemplateResponse(
        request, "pages/reablement/episode_form.html", context, status_code=status
    )


def _input_of(error: DomainValidationError) -> str:
    """The start form's input a refusal is about ('' for the form as a whole)."""
    if error.field.startswith("barthel."):
        return "barthel-" + error.field.removeprefix("barthel.")
    return {"episode.started_on": "started_on"}.get(error.field, "")


@router.post("/people/{person_id}/reablement")
async def start(
    request: Request,
    person_id: str,
    actor: CurrentActor,
    svc: Svc,
    templates: Templates,
    clock: ClockDep,
) -> Response:
    """Start the episode (working on every goal of the chosen plan) and open it."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    try:
        episode = await run_in_threadpool(_start_episode, svc, actor, person_id, form)
    except DomainValidationError as error:
        again = partial(
            _start_form, request, person_id, actor, svc, templates, clock.today(), form, error
        )
        return await run_in_threadpool(again)
    return RedirectResponse(f"/reablement/{episode.id}?saved=started", status_code=303)


def _start_episode(
    svc: Services, actor: Actor, person_id: str, form: Mapping[str, str]
) -> ReablementEpisode:
    plan_id = text(form, "plan_id") or None
    goal_ids = tuple(g.id for g in svc.plans.view(actor, plan_id).plan.goals) if plan_id else ()
    started_on = day(form, "started_on", "episode.started_on")
    assert started_on is not None  # required
    return svc.reablement.start(
        actor,
        person_id,
        started_on,
        plan_id=plan_id,
        goal_ids=goal_ids,
        barthel_start=barthel_from(form, "barthel"),
        extension_reason=text(form, "extension_reason"),
        planned_end_on=day(form, "planned_end_on", "episode.planned_end_on", required=False),
    )


@router.get("/reablement/{episode_id}")
def episode_page(
    request: Request,
    episode_id: str,
    actor: CurrentActor,
    svc: Svc,
    templates: Templates,
    clock: ClockDep,
) -> Response:
    """One episode: where it is, its reviews and Barthel scores, and the forms to go on."""
    episode, person = svc.reablement.episode(actor, episode_id)
    context = {
        "episode": episode,
        "person": person,
        "today": clock.today(),
        "free_days": FREE_DAYS,
        "items": ITEM_TITLES,
        "allowed": ALLOWED_SCORES,
        "results": END_RESULT_TITLES,
        "saved": request.query_params.get("saved", ""),
    }
    return templates.TemplateResponse(request, "pages/reablement/episode.html", context)


@router.post("/reablement/{episode_id}/reviews")
async def add_review(request: Request, episode_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Record the weekly review."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    svc.reablement.add_review(actor, episode_id, review_from(form))
    return RedirectResponse(f"/reablement/{episode_id}?saved=review", status_code=303)


@router.post("/reablement/{episode_id}/end")
async def end(request: Request, episode_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """End the episode with its result and the Barthel Index at the end."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    ended_on = day(form, "ended_on", "episode.ended_on")
    assert ended_on is not None  # required
    svc.reablement.end(
        actor,
        episode_id,
        ended_on=ended_on,
        result=require_member("episode.end_result", text(form, "result"), EndResult),
        barthel_end=barthel_from(form, "barthel"),
        extension_reason=text(form, "extension_reason"),
    )
    return RedirectResponse(f"/reablement/{episode_id}?saved=ended", status_code=303)
