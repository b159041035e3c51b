"""``/api/people/{person}/time-banks`` and ``/api/teams/{team}/time-banks``: hours agreed per
four-week block, the team's hours left, and posting what the visit records show."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.common_schemas import Schema
from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc
from careweave.domain.commissioning.time_banks import (
    MAX_BLOCK_MINUTES,
    BankState,
    TimeBankAgreement,
    block_of,
)
from careweave.services.commissioning.time_banks import BankBoard, PostingOutcome

router = APIRouter(tags=["commissioning"], responses=ERROR_RESPONSES)
Block = Annotated[date | None, Query(description="First day of a block (this block if not given)")]


class TimeBankIn(Schema):
    """The minutes agreed for the block starting on ``block_start``."""

    block_start: date
    agreed_minutes: int = Field(ge=1, le=MAX_BLOCK_MINUTES, strict=True)


class TimeBankPublic(BaseModel):
    """An agreement of hours for a block."""

    id: str
    person_id: str
    block_start: date
    block_end: date
    agreed_minutes: int
    agreed_by: str

    @classmethod
    def of(cls, a: TimeBankAgreement) -> TimeBankPublic:
        """The schema of a domain agreement."""
        return cls(
            id=a.id,
            person_id=a.person_id,
            block_start=a.block_start,
            block_end=a.block_end,
            agreed_minutes=a.agreed_minutes,
            agreed_by=a.agreed_by,
        )


class BankLinePublic(BaseModel):
    """One person's minutes in the block and how their bank stands."""

    person_id: str
    name: str
    agreed_minutes: int
    carried_in_minutes: int
    used_minutes: int
    left_minutes: int
    state: BankState


class BankBoardPublic(BaseModel):
    """A team's time banks in a block."""

    team_id: str
    block_start: date
    lines: list[BankLinePublic]

    @classmethod
    def of(cls, board: BankBoard) -> BankBoardPublic:
        """The schema of the service's board."""
        lines = [
            BankLinePublic(
                person_id=x.person.id,
                name=x.person.display_name,
                agreed_minutes=x.agreed,
                carried_in_minutes=x.carried_in,
                used_minutes=x.used,
                left_minutes=x.left,
                state=x.state,
            )
            for x in board.lines
        ]
        return cls(team_id=board.team.id, block_start=board.block_start, lines=lines)


class PostingPublic(BaseModel):
    """What posting a block did."""

    visits: int
    minutes: int
    expired_minutes: int
    closed: bool

    @classmethod
    def of(cls, done: PostingOutcome) -> PostingPublic:
        """The schema of the outcome."""
        return cls(
            visits=done.visits,
            minutes=done.minutes,
            expired_minutes=done.expired,
            closed=done.closed,
        )


@router.post("/people/{person_id}/time-banks", status_code=201, summary="Agree a block's hours")
def agree(person_id: PathId, body: TimeBankIn, actor: CurrentActor, svc: Svc) -> TimeBankPublic:
    """Agree the person's hours for a four-week block (fixed for the block; the team flexes them)."""
    found = svc.time_banks.agree(actor, person_id, body.block_start, body.agreed_minutes)
    return TimeBankPublic.of(found)


@router.get("/teams/{team_id}/time-banks", summary="Hours left in a team's banks")
def board(
    team_id: PathId, actor: CurrentActor, svc: Svc, clock: ClockDep, block: Block = None
) -> BankBoardPublic:
    """Each person's minutes agreed, carried in, used and left, and the overspend alerts."""
    chosen = block or block_of(clock.today())
    return BankBoardPublic.of(svc.time_banks.board(actor, team_id, chosen))


@router.post("/teams/{team_id}/time-banks/{block_start}/posting", summary="Post a block's hours")
def post_block(team_id: PathId, block_start: date, actor: CurrentActor, svc: Svc) -> PostingPublic:
    """Post the hours the block's visit records show (each visit once; re-running is harmless);
    once the block is over, unused hours above the carry-over cap return to the council."""
    return PostingPublic.of(svc.time_banks.post_block(actor, team_id, block_start))
