"""The visit recording form as the page draws it and reads it back.

The form is drawn from the worker's saved record or, after a refused submission, from exactly what
was typed, so nothing typed is ever lost; each error sits beside the input it is about. Reading a
submission collects every problem at once (a worker on a phone should not fix one thing, send,
and only then learn of the next).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from careweave.domain.errors import DomainValidationError
from careweave.domain.visits.recording import (
    MEDICATION_RESULT_LABELS,
    MedicationOutcome,
    MedicationResult,
    Outcomes,
    ProgressNote,
    TaskDone,
    TaskMode,
    TaskNotDone,
)
from careweave.services.plans.progress_goals import GOAL_FIELD

FORM_LIMIT = 120  # fields; a visit has at most a few dozen
EXTRA_MEDICATION_ROWS = 1  # one blank line for an item the plan does not list (or no plan yet)
TASK_MODE_CHOICES = {TaskMode.WITH: "Done with them", TaskMode.FOR: "Done for them"}
NOT_DONE = ""
# The input a domain error about the whole record belongs beside.
INPUT_OF_FIELD = {
    "notes": "notes",
    "progress_note.text": "progress",
    GOAL_FIELD: "goal_id",
    "medication.item": "med_item_0",
    "check_out.reason": "check_out_reason",  # too long a reason
}

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FieldError:
    """What is wrong with one input, in words, and the rule's name for the field."""

    message: str
    field: str


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a radio group or select, and whether it is the one chosen."""

    value: str
    words: str
    chosen: bool


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One task of the visit with its choices (with, for, not done)."""

    index: int
    task: str
    choices: tuple[Choice, ...]
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MedicationRow:
    """One medication line: an item the plan lists (named, not typed) or a blank line."""

    index: int
    item: str
    results: tuple[Choice, ...]
    reason: str
    from_plan: bool


@dataclass(frozen=True, slots=True)
class RecordForm:
    """Everything the outcomes form shows: values, choices and the errors beside them."""

    tasks: tuple[TaskRow, ...]
    medications: tuple[MedicationRow, ...]
    notes: str
    goal_id: str
    progress: str
    check_out_reason: str = ""
    errors: Mapping[str, FieldError] = field(default_factory=dict)
    problem: str = ""

    @property
    def has_errors(self) -> bool:
        """True when something typed was refused, beside an input or for the whole form."""
        return bool(self.errors or self.problem)


class RefusedFormError(Exception):
    """A submission that cannot be recorded as typed; ``errors`` by input name."""

    def __init__(self, errors: Mapping[str, FieldError]) -> None:
        super().__init__("; ".join(f"{name}: {e.message}" for name, e in errors.items()))
        self.errors = dict(errors)


def typed_fields(outcomes: Outcomes, tasks: Sequence[str], due: Sequence[str]) -> dict[str, str]:
    """The form fields that describe saved ``outcomes`` (what the form shows before any typing)."""
    modes = {t.task: t.mode.value for t in outcomes.tasks}
    fields = {f"task_{i}": modes.get(task, NOT_DONE) for i, task in enumerate(tasks)}
    reasons = {t.task: t.reason for t in outcomes.not_done}
    fields |= {f"task_reason_{i}": reasons[task] for i, task in enumerate(tasks) if task in reasons}
    saved = {m.item: m for m in outcomes.medications}
    items = [*due, *(m.item for m in outcomes.medications if m.item not in due)]
    for index, item in enumerate(items):
        outcome = saved.get(item)
        fields[f"med_item_{index}"] = item
        if index < len(due):
            fields[f"med_from_plan_{index}"] = "yes"
        fields[f"med_result_{index}"] = outcome.result.value if outcome else ""
        fields[f"med_reason_{index}"] = outcome.reason if outcome else ""
    fields["notes"] = outcomes.notes
    fields["goal_id"] = outcomes.progress.goal_id if outcomes.progress else ""
    fields["progress"] = outcomes.progress.text if outcomes.progress else ""
    return fields


def record_form(
    fields: Mapping[str, str],
    tasks: Sequence[str],
    due: Sequence[str],
    errors: Mapping[str, FieldError] | None = None,
    problem: str = "",
) -> RecordForm:
    """The form drawn from ``fields`` (saved or typed), with ``due`` medication named by the plan."""
    task_rows = tuple(
        TaskRow(
            i,
            task,
            _task_choices(fields.get(f"task_{i}", NOT_DONE)),
            fields.get(f"task_reason_{i}", ""),
        )
        for i, task in enumerate(tasks)
    )
    typed = _medication_count(fields)
    rows = [
        _medication_row(fields, i, due[i] if i < len(due) else None)
        for i in range(max(typed, len(due)))
    ]
    while rows and not rows[-1].from_plan and _is_blank(rows[-1]):
        rows.pop()  # the blank line sent back; one is added again below
    rows += [_medication_row({}, len(rows) + n, None) for n in range(EXTRA_MEDICATION_ROWS)]
    return RecordForm(
        tasks=task_rows,
        medications=tuple(rows),
        notes=fields.get("notes", ""),
        goal_id=fields.get("goal_id", ""),
        progress=fields.get("progress", ""),
        check_out_reason=fields.get("check_out_reason", ""),
        errors=dict(errors or {}),
        problem=problem,
    )


def _task_choices(chosen: str) -> tuple[Choice, ...]:
    choices = [Choice(m.value, words, m.value == chosen) for m, words in TASK_MODE_CHOICES.items()]
    return (*choices, Choice(NOT_DONE, "Not done", chosen not in {m.value for m in TaskMode}))


def _is_blank(row: MedicationRow) -> bool:
    return not (row.item or row.reason or any(c.chosen for c in row.results))


def _medication_count(fields: Mapping[str, str]) -> int:
    """How many medication lines the fields hold (lines are numbered from 0 without gaps)."""
    count = 0
    while count < FORM_LIMIT and f"med_item_{count}" in fields:
        count += 1
    return count


def _medication_row(fields: Mapping[str, str], index: int, planned: str | None) -> MedicationRow:
    item = planned if planned is not None else fields.get(f"med_item_{index}", "")
    chosen = fields.get(f"med_result_{index}", "")
    results = tuple(
        Choice(r.value, words, r.value == chosen) for r, words in MEDICATION_RESULT_LABELS.items()
    )
    reason = fields.get(f"med_reason_{index}", "")
    return MedicationRow(index, item, results, reason, from_plan=planned is not None)


def read_outcomes(fields: Mapping[str, str], tasks: Sequence[str]) -> Outcomes:
    """The outcomes a submitted form describes; RefusedFormError names every input that is wrong."""
    errors: dict[str, FieldError] = {}
    done, not_done = [], []
    for index, name in enumerate(tasks):
        task = _collect(errors, f"task_{index}", partial(_task, fields, index, name))
        reason = fields.get(f"task_reason_{index}", "").strip()
        if task is not None:
            done.append(task)
        elif reason and f"task_{index}" not in errors:
            why = _collect(errors, f"task_reason_{index}", partial(TaskNotDone, name, reason))
            not_done += [why] if why else []
    medications = [
        outcome
        for index in range(_medication_count(fields))
        if (outcome := _medication(fields, index, errors)) is not None
    ]
    progress = None
    try:
        progress = _progress(fields)
    except DomainValidationError as error:
        errors[input_of(error) or "goal_id"] = FieldError(error.message, error.field)
    if errors:
        raise RefusedFormError(errors)
    try:
        return Outcomes(
            tasks=tuple(done),
            notes=fields.get("notes", ""),
            medications=tuple(medications),
            progress=progress,
            not_done=tuple(not_done),
        )
    except DomainValidationError as error:
        raise RefusedFormError({input_of(error): FieldError(error.message, error.field)}) from None


def input_of(error: DomainValidationError) -> str:
    """The input an error about the record belongs beside ('' for the form as a whole)."""
    return INPUT_OF_FIELD.get(error.field, "")


def _collect(errors: dict[str, FieldError], name: str, read: Callable[[], T]) -> T | None:
    """``read()``, or None with its error kept under the input ``name``."""
    try:
        return read()
    except DomainValidationError as error:
        errors[name] = FieldError(error.message, error.field)
        return None


def _task(fields: Mapping[str, str], index: int, task: str) -> TaskDone | None:
    mode = fields.get(f"task_{index}", NOT_DONE)
    if mode == NOT_DONE:
        return None
    if mode not in {m.value for m in TaskMode}:
        raise DomainValidationError(f"task_{index}", "choose with, for or not done")
    return TaskDone(task, TaskMode(mode))


def _medication(
    fields: Mapping[str, str], index: int, errors: dict[str, FieldError]
) -> MedicationOutcome | None:
    """One medication line (None when left blank); its problems go beside its own inputs."""
    item = fields.get(f"med_item_{index}", "").strip()
    result = fields.get(f"med_result_{index}", "")
    reason = fields.get(f"med_reason_{index}", "").strip()
    from_plan = bool(fields.get(f"med_from_plan_{index}"))
    if not result and not reason and (from_plan or not item):
        # A line of the plan left untouched, or a blank line: nothing to record.
        return None
    if not item:
        errors[f"med_item_{index}"] = FieldError("name the medication", "medication.item")
        return None
    if result not in {r.value for r in MedicationResult}:
        message = f"choose what happened to {item}"
        errors[f"med_result_{index}"] = FieldError(message, "medication.result")
        return None
    return _collect(
        errors,
        f"med_reason_{index}",
        lambda: MedicationOutcome(item, MedicationResult(result), reason),
    )


def _progress(fields: Mapping[str, str]) -> ProgressNote | None:
    goal_id = fields.get("goal_id", "").strip()
    text = fields.get("progress", "").strip()
    if not goal_id and not text:
        return None
    if not goal_id:
        raise DomainValidationError(GOAL_FIELD, "choose the goal this progress is towards")
    if not text:
        raise DomainValidationError("progress_note.text", "say what changed towards this goal")
    return ProgressNote(goal_id, text)
