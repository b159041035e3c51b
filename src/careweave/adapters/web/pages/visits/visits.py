"""Recording a visit on a phone: the worker's visits of the day, check in, what happened, check out.

Every form works without JavaScript (post, then redirect back to the visit). With HTMX the forms
swap only the visit panel; a small script fills in the phone's location when the worker allows it.
Each form carries a fresh idempotency key, so a form re-sent after a dropped connection is
recorded once.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from careweave.adapters.web.deps import ClockDep, CurrentActor, Svc, Templates
from careweave.adapters.web.pages.team_common import parse_day
from careweave.clock import wall_time
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import Location
from careweave.domain.visits.recording import (
    MEDICATION_RESULT_LABELS,
    MedicationOutcome,
    MedicationResult,
    Outcomes,
    ProgressNote,
    TaskDone,
    TaskMode,
)
from careweave.services.plans.progress_goals import GOAL_FIELD
from careweave.services.visits.recording import Submission

router = APIRouter(include_in_schema=False)

MEDICATION_ROWS = 3
TASK_MODE_CHOICES = {TaskMode.WITH: "Done with them", TaskMode.FOR: "Done for them"}
FORM_LIMIT = 120  # fields; a visit has at most a few dozen


@router.get("/my-visits")
def my_day(
    request: Request,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    clock: ClockDep,
    day: str | None = None,
) -> Response:
    """The signed-in care worker's visits of the day, in order, with a button for each."""
    now = wall_time(clock)
    chosen = parse_day("day", day, now.date())
    lines = services.team_days.my_visits(actor, chosen, now)
    return templates.TemplateResponse(
        request, "pages/visits/my_visits.html", {"lines": lines, "day": chosen}
    )


@router.get("/visits/{visit_id}/record")
def record_page(
    request: Request,
    visit_id: str,
    actor: CurrentActor,
    templates: Templates,
    services: Svc,
    clock: ClockDep,
) -> Response:
    """The visit's recording page: check in, then tasks, notes, medication and progress towards
    one of the person's current goals."""
    line = services.team_days.visit_line(actor, visit_id, wall_time(clock))
    mine = next((r for r in line.records if r.worker_id == actor.worker_id), None)
    medications = list(mine.outcomes.medications) if mine else []
    context = {
        "line": line,
        "record": mine,
        "goals": services.progress_notes.goals_for_visit(actor, visit_id),
        "done_tasks": {t.task: t.mode for t in mine.outcomes.tasks} if mine else {},
        "task_modes": TASK_MODE_CHOICES,
        "medication_rows": medications + [None] * MEDICATION_ROWS,
        "results": MEDICATION_RESULT_LABELS,
        "form_key": secrets.token_urlsafe(16),
        "saved": request.query_params.get("saved", ""),
    }
    return templates.TemplateResponse(request, "pages/visits/record.html", context)


def _location(lat: str, lon: str) -> Location | None:
    """The phone's position when the browser gave one (both empty otherwise)."""
    if not lat and not lon:
        return None
    try:
        return Location(float(lat), float(lon))
    except ValueError:
        raise DomainValidationError("location", "the phone's position could not be read") from None


def _back(visit_id: str, saved: str) -> Response:
    return RedirectResponse(f"/visits/{visit_id}/record?saved={saved}", status_code=303)


@router.post("/visits/{visit_id}/check-in")
def check_in(
    visit_id: str,
    actor: CurrentActor,
    services: Svc,
    clock: ClockDep,
    version: Annotated[int, Form(ge=1)],
    idempotency_key: Annotated[str, Form(min_length=8, max_length=64)],
    lat: Annotated[str, Form(max_length=32)] = "",
    lon: Annotated[str, Form(max_length=32)] = "",
) -> Response:
    """Check in now, where the phone says (if it says)."""
    at = wall_time(clock)
    submission = Submission(visit_id, version, idempotency_key, at, _location(lat, lon))
    services.recording.check_in(actor, submission)
    return _back(visit_id, "checked-in")


@router.post("/visits/{visit_id}/outcomes")
async def outcomes(
    request: Request, visit_id: str, actor: CurrentActor, services: Svc, clock: ClockDep
) -> Response:
    """Save tasks, notes, medication and progress; check out when the worker pressed that button."""
    form = await request.form(max_fields=FORM_LIMIT)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    now = wall_time(clock)
    line = await run_in_threadpool(services.team_days.visit_line, actor, visit_id, now)
    submission = Submission(
        visit_id=visit_id,
        expected_version=_version(fields.get("version", "")),
        idempotency_key=fields.get("idempotency_key", ""),
        at=now,
        location=_location(fields.get("lat", ""), fields.get("lon", "")),
    )
    check_out = fields.get("action") == "check_out"
    parsed = parse_outcomes(fields, line.visit.tasks)
    await run_in_threadpool(
        services.recording.record_outcomes, actor, submission, parsed, check_out=check_out
    )
    return _back(visit_id, "checked-out" if check_out else "saved")


def _version(value: str) -> int:
    if not value.isdigit():
        raise DomainValidationError("version", "is missing; reload the page")
    return int(value)


def parse_outcomes(fields: Mapping[str, str], tasks: tuple[str, ...]) -> Outcomes:
    """The outcomes a recording form describes (task choices by position in the visit's tasks)."""
    done = []
    for index, task in enumerate(tasks):
        mode = fields.get(f"task_{index}", "")
        if mode:
            if mode not in {m.value for m in TaskMode}:
                raise DomainValidationError(f"task_{index}", "choose with, for or not done")
            done.append(TaskDone(task, TaskMode(mode)))
    medications = []
    for index in range(FORM_LIMIT):
        if f"med_item_{index}" not in fields:
            break
        item = fields[f"med_item_{index}"].strip()
        result = fields.get(f"med_result_{index}", "")
        if item or result:
            if not item:
                raise DomainValidationError("medication.item", "name the medication")
            if result not in {r.value for r in MedicationResult}:
                raise DomainValidationError("medication.result", f"choose what happened to {item}")
            reason = fields.get(f"med_reason_{index}", "")
            medications.append(MedicationOutcome(item, MedicationResult(result), reason))
    goal_id = fields.get("goal_id", "").strip()
    progress_text = fields.get("progress", "").strip()
    progress = None
    if goal_id or progress_text:
        if not goal_id:
            raise DomainValidationError(GOAL_FIELD, "choose the goal this progress is towards")
        progress = ProgressNote(goal_id, progress_text)
    return Outcomes(
        tasks=tuple(done),
        notes=fields.get("notes", ""),
        medications=tuple(medications),
        progress=progress,
    )
