"""The team's time banks: each person's hours agreed, carried in, used and left in a four-week
block, with the overspend alerts, and (for the coordinator) posting the block's hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.plans.forms import day
from careweave.domain.commissioning.time_banks import BLOCK_DAYS, BankState, block_of
from careweave.services.accounts.access import can_manage_team
from careweave.services.commissioning.time_banks import BankLine

router = APIRouter(include_in_schema=False)
STATE_WORDS = {
    BankState.ON_TRACK: "On track",
    BankState.AHEAD_OF_PACE: "Using hours faster than the block passes",
    BankState.OVERSPENT: "Overspent",
}


def hours(minutes: int) -> str:
    """Minutes as hours and minutes for people to read: ``12 h 05 min``, ``-0 h 27 min``."""
    sign = "-" if minutes < 0 else ""
    whole, rest = divmod(abs(minutes), 60)
    return f"{sign}{whole} h {rest:02d} min"


@dataclass(frozen=True, slots=True)
class HoursRow:
    """One person's bank as the page shows it."""

    name: str
    agreed: str
    carried_in: str
    used: str
    left: str
    state: str
    alert: bool

    @classmethod
    def of(cls, line: BankLine) -> HoursRow:
        """The line in words, with whether it is an alert."""
        return cls(
            line.person.display_name,
            hours(line.agreed),
            hours(line.carried_in),
            hours(line.used),
            hours(line.left),
            STATE_WORDS[line.state],
            line.state is not BankState.ON_TRACK,
        )


@router.get("/commissioning/teams/{team_id}/hours")
def team_hours(
    request: Request,
    team_id: str,
    actor: CurrentActor,
    svc: Svc,
    clock: ClockDep,
    templates: Templates,
) -> Response:
    """Hours left in each person's bank in a block (this block unless ``block`` says which)."""
    query = {k: str(v) for k, v in request.query_params.items()}
    chosen = day(query, "block", "block", required=False) or block_of(clock.today())
    board = svc.time_banks.board(actor, team_id, chosen)
    context = {
        "team": board.team,
        "here": "hours",
        "block": board.block_start,
        "block_last": board.block_start + timedelta(days=BLOCK_DAYS - 1),
        "previous": board.block_start - timedelta(days=BLOCK_DAYS),
        "following": board.block_start + timedelta(days=BLOCK_DAYS),
        "rows": [HoursRow.of(line) for line in board.lines],
        "alerts": _alerts(sum(line.state is not BankState.ON_TRACK for line in board.lines)),
        "can_post": can_manage_team(actor, team_id),
        "posted": _posted(query.get("posted", "")),
    }
    return templates.TemplateResponse(request, "pages/commissioning/hours.html", context)


@router.post("/commissioning/teams/{team_id}/hours/post")
async def post_hours(request: Request, team_id: str, actor: CurrentActor, svc: Svc) -> Response:
    """Post the hours the block's visit records show (again is harmless), then back."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    block: date = day(form, "block", "block")  # type: ignore[assignment]
    done = svc.time_banks.post_block(actor, team_id, block)
    return RedirectResponse(
        f"/commissioning/teams/{team_id}/hours?block={block.isoformat()}&posted={done.visits}",
        status_code=303,
    )


def _posted(value: str) -> str:
    # The count comes back in the address after posting; anything else there is ignored.
    if not value.isdigit():
        return ""
    return f"The hours are posted: {int(value)} more visits counted."


def _alerts(count: int) -> str:
    if count == 0:
        return ""
    who = "1 person needs" if count == 1 else f"{count} people need"
    return f"{who} a look: see how their hours stand in the last column."
