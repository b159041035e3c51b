"""Late and missed visit alerts: the team's coordinator acknowledges them; a family member reads
the ones about the person they support, in plain words, and cannot acknowledge them."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.clock import wall_time
from careweave.domain.values import count_words, minutes_words
from careweave.domain.visits.recording import LATE_AFTER, MISSED_AFTER, Lateness
from careweave.domain.visits.timing import EARLY_CHECK_IN_BEFORE
from careweave.services.accounts.access import can_manage_team
from careweave.services.visits.alerts import FAMILY_DAYS

router = APIRouter(include_in_schema=False)


def duration_words(span: timedelta) -> str:
    """A span of whole hours or whole minutes in words: "2 hours", "15 minutes"."""
    minutes = int(span.total_seconds()) // 60
    if minutes % 60 == 0:
        return count_words(minutes // 60, "hour")
    return minutes_words(minutes)


# How long after its window a visit nobody has checked in to is late, and missed, in words.
AFTER_WORDS = {
    Lateness.LATE: duration_words(LATE_AFTER),
    Lateness.MISSED: duration_words(MISSED_AFTER),
}
TEAM_HEADINGS = {
    Lateness.MISSED: "✕ Missed",
    Lateness.LATE: "! Late",
    Lateness.EARLY_CHECK_IN: "⏱ Early check-in",
}
FAMILY_HEADINGS = {Lateness.MISSED: "Missed visit", Lateness.LATE: "Late visit"}


@router.get("/alerts")
def alert_list(
    request: Request, actor: CurrentActor, templates: Templates, services: Svc, clock: ClockDep
) -> Response:
    """Alerts the actor may see (raising any new ones first): open alerts of a team member's
    teams, or the last two weeks' alerts about a family member's person."""
    now = wall_time(clock)
    services.alerts.scan_for(actor, now)
    if actor.is_family_member:
        lines = services.alerts.family_alert_lines(actor, now)
        context = {**_words(FAMILY_HEADINGS), "lines": lines, "days": FAMILY_DAYS}
        return templates.TemplateResponse(request, "pages/visits/family_alerts.html", context)
    lines = services.alerts.alert_lines(actor)
    context = {
        **_words(TEAM_HEADINGS),
        "lines": lines,
        "acknowledgeable": {
            ln.alert.id for ln in lines if can_manage_team(actor, ln.alert.team_id)
        },
    }
    return templates.TemplateResponse(request, "pages/visits/alerts.html", context)


def _words(headings: dict[Lateness, str]) -> dict[str, object]:
    """What an alert page says of each kind of alert, and of the rule in its introduction."""
    return {
        "headings": headings,
        "after": AFTER_WORDS,
        "late_after": AFTER_WORDS[Lateness.LATE],
        "missed_after": AFTER_WORDS[Lateness.MISSED],
        "early_before": duration_words(EARLY_CHECK_IN_BEFORE),
    }


@router.post("/alerts/{alert_id}/acknowledge")
def acknowledge(
    alert_id: str,
    actor: CurrentActor,
    services: Svc,
    clock: ClockDep,
    note: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Acknowledge one alert and go back to the list."""
    services.alerts.acknowledge(actor, alert_id, note, wall_time(clock))
    return RedirectResponse("/alerts", status_code=303)
