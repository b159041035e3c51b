"""``/api/arrangements``: the lifecycle of an arrangement; a person's arrangements; the scheme's
arrangements, payments and figures."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter

from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.api.family_support.match_schemas import (
    AgreementIn,
    ArrangementPublic,
    DeclineIn,
    EndIn,
    FiguresPublic,
    PaymentPublic,
    ReviewIn,
    StartIn,
)
from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc
from careweave.domain.family_support.figures import SAVING_SOURCE

router = APIRouter(tags=["family support"], responses=ERROR_RESPONSES)


@router.get("/arrangements/{arrangement_id}", summary="An arrangement")
def get_arrangement(arrangement_id: PathId, actor: CurrentActor, svc: Svc) -> ArrangementPublic:
    """One arrangement (the scheme, the person's team and practitioner, their family)."""
    return ArrangementPublic.of(svc.family_arrangements.get(actor, arrangement_id).arrangement)


@router.get("/people/{person_id}/arrangements", summary="A person's arrangements")
def of_person(person_id: PathId, actor: CurrentActor, svc: Svc) -> list[ArrangementPublic]:
    """The person's Shared Lives arrangements."""
    return [
        ArrangementPublic.of(v.arrangement)
        for v in svc.family_arrangements.of_person(actor, person_id)
    ]


@router.get("/schemes/{team_id}/arrangements", summary="A scheme's arrangements")
def of_scheme(team_id: PathId, actor: CurrentActor, svc: Svc) -> list[ArrangementPublic]:
    """The scheme's arrangements, most recently proposed first."""
    return [
        ArrangementPublic.of(v.arrangement)
        for v in svc.family_arrangements.of_scheme(actor, team_id)
    ]


@router.post("/arrangements/{arrangement_id}/trial", summary="Start a trial")
def trial(arrangement_id: PathId, actor: CurrentActor, svc: Svc) -> ArrangementPublic:
    """Move from introductions to a trial stay or visits."""
    return ArrangementPublic.of(svc.family_arrangements.start_trial(actor, arrangement_id))


@router.post("/arrangements/{arrangement_id}/agreement", summary="Record the agreement")
def agree(
    arrangement_id: PathId, body: AgreementIn, actor: CurrentActor, svc: Svc
) -> ArrangementPublic:
    """Both sides agreed, with the household agreement: the person is matched."""
    return ArrangementPublic.of(
        svc.family_arrangements.agree(actor, arrangement_id, body.to_domain())
    )


@router.post("/arrangements/{arrangement_id}/decline", summary="Record a decline")
def decline(
    arrangement_id: PathId, body: DeclineIn, actor: CurrentActor, svc: Svc
) -> ArrangementPublic:
    """Someone decided not to go on; the person waits again and the reasons feed the weights report."""
    return ArrangementPublic.of(
        svc.family_arrangements.decline(actor, arrangement_id, body.to_domain())
    )


@router.post("/arrangements/{arrangement_id}/start", summary="Start the arrangement")
def start(
    arrangement_id: PathId, body: StartIn, actor: CurrentActor, svc: Svc
) -> ArrangementPublic:
    """The agreed arrangement starts."""
    return ArrangementPublic.of(
        svc.family_arrangements.activate(actor, arrangement_id, body.starts_on)
    )


@router.post("/arrangements/{arrangement_id}/reviews", status_code=201, summary="Record a review")
def review(
    arrangement_id: PathId, body: ReviewIn, actor: CurrentActor, svc: Svc
) -> ArrangementPublic:
    """A review with the person, the household and the scheme."""
    return ArrangementPublic.of(
        svc.family_arrangements.review(actor, arrangement_id, body.to_domain())
    )


@router.post("/arrangements/{arrangement_id}/end", summary="End the arrangement")
def end(arrangement_id: PathId, body: EndIn, actor: CurrentActor, svc: Svc) -> ArrangementPublic:
    """End it with the reason."""
    ended = svc.family_arrangements.end(actor, arrangement_id, body.ends_on, body.reason, body.note)
    return ArrangementPublic.of(ended)


@router.get("/schemes/{team_id}/payments", summary="Carer payments for a period")
def payments(
    team_id: PathId,
    actor: CurrentActor,
    svc: Svc,
    clock: ClockDep,
    first_day: date | None = None,
    last_day: date | None = None,
) -> list[PaymentPublic]:
    """What each carer is owed per arrangement, nights (or days) times rate; by default for the
    month so far."""
    today = clock.today()
    first = first_day or today.replace(day=1)
    owed = svc.family_arrangements.payments(actor, team_id, first, last_day or today)
    return [PaymentPublic.of(p) for p in owed]


@router.get("/schemes/{team_id}/figures", summary="The scheme's figures")
def figures(team_id: PathId, actor: CurrentActor, svc: Svc) -> FiguresPublic:
    """Matched and waiting, time to match, arrangements lasting six months, cost against the
    regulated-care alternative, and the weights report."""
    found, rows = svc.family_arrangements.figures(actor, team_id)
    return FiguresPublic.of(found, rows, SAVING_SOURCE)
