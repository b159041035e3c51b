"""Reading the visit form and drawing it again: every problem found at once, each beside its own
input, and the form drawn from what was typed so nothing is lost."""

from __future__ import annotations

import pytest

from careweave.adapters.web.pages.visits.record_form import (
    RefusedFormError,
    read_outcomes,
    record_form,
    typed_fields,
)
from careweave.domain.visits.recording import (
    MedicationOutcome,
    MedicationResult,
    Outcomes,
    TaskDone,
    TaskMode,
)

TASKS = ("Breakfast", "Shower")
DUE = ("Metformin 500 mg", "Paracetamol 500 mg")


def test_every_bad_input_is_named_at_once() -> None:
    fields = {
        "task_0": "sideways",
        "med_item_0": "Metformin 500 mg",
        "med_result_0": "refused",
        "med_item_1": "",
        "med_result_1": "administered",
        "progress": "Walked to the gate",
    }
    with pytest.raises(RefusedFormError) as refused:
        read_outcomes(fields, TASKS)
    assert set(refused.value.errors) == {"task_0", "med_reason_0", "med_item_1", "goal_id"}
    assert refused.value.errors["med_reason_0"].field == "medication.reason"


def test_untouched_plan_lines_and_blank_lines_record_nothing() -> None:
    fields = {
        "med_item_0": "Metformin 500 mg",
        "med_from_plan_0": "yes",
        "med_item_1": "Paracetamol 500 mg",
        "med_from_plan_1": "yes",
        "med_result_1": "not_given",
        "med_reason_1": "none left in the pack",
        "med_item_2": "",
        "task_1": "with",
    }
    outcomes = read_outcomes(fields, TASKS)
    assert outcomes.medications == (
        MedicationOutcome(
            "Paracetamol 500 mg", MedicationResult.NOT_GIVEN, "none left in the pack"
        ),
    )
    assert outcomes.tasks == (TaskDone("Shower", TaskMode.WITH),)


def test_a_typed_medicine_with_no_result_is_refused_not_dropped() -> None:
    with pytest.raises(RefusedFormError) as refused:
        read_outcomes({"med_item_0": "Senna"}, TASKS)
    assert refused.value.errors["med_result_0"].message == "choose what happened to Senna"


def test_the_form_drawn_from_typed_fields_shows_them_all() -> None:
    typed = {"task_0": "for", "med_item_0": "Metformin 500 mg", "med_result_0": "refused",
             "med_reason_0": "", "med_item_1": DUE[1], "med_item_2": "Senna", "med_result_2": "administered",
             "med_item_3": "", "notes": "Porridge"}  # fmt: skip
    form = record_form(typed, TASKS, DUE)
    assert [c.value for c in form.tasks[0].choices if c.chosen] == ["for"]
    assert [c.value for c in form.tasks[1].choices if c.chosen] == [""]
    lines = [(m.item, m.from_plan) for m in form.medications]
    assert lines == [(DUE[0], True), (DUE[1], True), ("Senna", False), ("", False)]
    assert [c.value for c in form.medications[0].results if c.chosen] == ["refused"]
    assert form.notes == "Porridge"
    assert not form.has_errors


def test_the_saved_record_fills_the_form_before_anything_is_typed() -> None:
    saved = Outcomes(
        tasks=(TaskDone("Shower", TaskMode.FOR),),
        notes="Calm morning",
        medications=(MedicationOutcome("Senna", MedicationResult.ADMINISTERED),),
    )
    fields = typed_fields(saved, TASKS, DUE)
    assert fields["task_1"] == "for"
    assert [fields[f"med_item_{i}"] for i in range(3)] == [*DUE, "Senna"]
    assert fields["med_result_2"] == "administered"
    assert read_outcomes(fields, TASKS) == saved
