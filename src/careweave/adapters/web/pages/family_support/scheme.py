"""The scheme worker's pages: where to start, the households (with their checks and short-breaks
calendar) and the waiting list."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.family_support.calendar_svg import calendar_svg
from careweave.adapters.web.pages.family_support.views import ArrangementLine, HouseholdLine
from careweave.domain.accounts.users import Role
from careweave.domain.family_support.vocab import ARRANGEMENT_TYPE_TITLES

router = APIRouter(include_in_schema=False)
CALENDAR_NIGHTS = 28


@router.get("/family-support")
def start(
    request: Request, actor: CurrentActor, svc: Svc, clock: ClockDep, templates: Templates
) -> Response:
    """A scheme worker goes to their scheme; a family member sees their person's arrangements."""
    if actor.is_family_member:
        today = clock.today()
        lines = [
            (view, ArrangementLine.of(view.arrangement, today))
            for person_id in sorted(actor.person_ids)
            for view in svc.family_arrangements.of_person(actor, person_id)
        ]
        mine = {"lines": lines}
        return templates.TemplateResponse(request, "pages/family_support/family.html", mine)
    teams = sorted(actor.team_ids)
    if len(teams) == 1:
        return RedirectResponse(f"/family-support/{teams[0]}", status_code=303)
    context = {"teams": teams, "is_commissioner": actor.role is Role.COMMISSIONER}
    return templates.TemplateResponse(request, "pages/family_support/start.html", context)


@router.get("/family-support/{team_id}")
def households(
    request: Request,
    team_id: str,
    actor: CurrentActor,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """The scheme's households, with what is missing from their checks and what falls due."""
    today = clock.today()
    lines = [HouseholdLine.of(h, today) for h in svc.carer_households.list(actor, team_id)]
    context = {"team_id": team_id, "lines": lines, "today": today}
    return templates.TemplateResponse(request, "pages/family_support/households.html", context)


@router.get("/family-support/households/{household_id}")
def household(
    request: Request,
    household_id: str,
    actor: CurrentActor,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """One household: people, checks, offer, and its short-breaks calendar for four weeks."""
    today = clock.today()
    found = svc.carer_households.get(actor, household_id)
    views = [
        v
        for v in svc.family_arrangements.of_scheme(actor, found.scheme_team_id)
        if v.household.id == household_id
    ]
    arrangements = [v.arrangement for v in views]
    context = {
        "line": HouseholdLine.of(found, today),
        "offer": found.offer,
        "kinds": [ARRANGEMENT_TYPE_TITLES[k] for k in sorted(found.offer.arrangement_types)],
        "calendar": calendar_svg(found, arrangements, today, CALENDAR_NIGHTS),
        "arrangements": [(v, ArrangementLine.of(v.arrangement, today)) for v in views],
    }
    return templates.TemplateResponse(request, "pages/family_support/household.html", context)


@router.get("/family-support/{team_id}/referrals")
def referrals(
    request: Request,
    team_id: str,
    actor: CurrentActor,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """The waiting list, oldest first."""
    today = clock.today()
    rows = [
        (
            r,
            ARRANGEMENT_TYPE_TITLES[r.referral.arrangement_type],
            (today - r.referral.received_on).days,
        )
        for r in svc.family_referrals.waiting_list(actor, team_id)
    ]
    context = {"team_id": team_id, "rows": rows}
    return templates.TemplateResponse(request, "pages/family_support/referrals.html", context)
