"""The link worker's search page: services for a person's needs near their home, open when they
can go, nearest first with why each matched, and the results on a map drawn on the server."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from careweave.adapters.web.deps import CurrentActor, Svc, Templates
from careweave.adapters.web.pages.community.search_map import render_search_map
from careweave.domain.community.matching import REACH_KM, Reach
from careweave.domain.community.schedules import WEEKDAY_CODES, WEEKDAY_NAMES, PartOfDay
from careweave.domain.values import require_member
from careweave.services.community.search import SearchRequest

router = APIRouter(include_in_schema=False)

REACH_WORDS = {
    Reach.SHORT_WALK.value: f"A short walk (within {REACH_KM[Reach.SHORT_WALK] * 1000:g} m)",
    Reach.WALK.value: f"A walk (within {REACH_KM[Reach.WALK]:g} km)",
    Reach.BUS_RIDE.value: f"A bus ride (within {REACH_KM[Reach.BUS_RIDE]:g} km)",
    Reach.ANYWHERE.value: f"Anywhere (within {REACH_KM[Reach.ANYWHERE]:g} km)",
}
DAY_WORDS = dict(zip(WEEKDAY_CODES, WEEKDAY_NAMES, strict=True))
PART_WORDS = {p.value: p.value.capitalize() for p in PartOfDay}
Text = Annotated[str, Query(max_length=200)]


@router.get("/community/search")
def search_page(
    request: Request,
    actor: CurrentActor,
    svc: Svc,
    templates: Templates,
    person: Annotated[str | None, Query(max_length=64)] = None,
    postcode: Annotated[str, Query(max_length=10)] = "",
    need: Annotated[list[str] | None, Query(max_length=64)] = None,
    q: Text = "",
    day: Annotated[str, Query(max_length=12)] = "",
    part: Annotated[str, Query(max_length=12)] = "",
    reach: Annotated[str, Query(max_length=12)] = Reach.BUS_RIDE.value,
    free: bool = False,
    referral: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:
    """The search form and, once something is asked, the results with the map."""
    chosen_reach = require_member("reach", reach, Reach)
    wanted = SearchRequest(
        person_id=person or None,
        postcode=postcode.strip() or None,
        need_ids=tuple(n for n in need or () if n),
        text=q,
        day=day or None,
        part_of_day=require_member("part", part, PartOfDay) if part else None,
        reach=chosen_reach,
        free_only=free,
    )
    asked = bool(person or wanted.postcode or wanted.need_ids or q or day or part)
    outcome = svc.directory_search.search(actor, wanted)
    svg = render_search_map(outcome.matches[:30], outcome.home, REACH_KM[chosen_reach])
    form: dict[str, object] = {"person": person or "", "postcode": postcode, "q": q, "day": day}
    form |= {"needs": set(wanted.need_ids), "part": part, "reach": chosen_reach.value}
    form |= {"free": free, "referral": referral or ""}
    context = {
        "outcome": outcome,
        "asked": asked,
        "svg": svg if asked else "",
        "form": form,
        "can_add_to_plan": bool(referral),
        "need_options": {t.id: t.name for t in outcome.needs},
        "day_options": DAY_WORDS,
        "part_options": PART_WORDS,
        "reach_options": REACH_WORDS,
    }
    return templates.TemplateResponse(request, "pages/community/search.html", context)
