"""The "change this plan" form: every part of a plan editable, rows of goals, actions and
contingencies added or removed by submitting the form (no JavaScript), and each bad value named
next to the input it came from.

The form is held as :class:`ChangeForm` (strings as typed), so a re-shown form keeps what was
typed. Inputs are named ``<kind>-<row>-<attribute>`` after the domain's attributes, which is how a
:class:`~careweave.domain.errors.DomainValidationError` such as ``goal.description`` from row 2
finds its input ``goal-2-description``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from careweave.adapters.web.pages.plans.forms import agreement_from, day, text, whole
from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.care_plan import (
    MAX_ACTIONS,
    MAX_GOALS,
    Action,
    AgreedBy,
    CarePlan,
    Contingency,
    Goal,
)
from careweave.domain.plans.gas import (
    DEFAULT_LEVEL_MEANINGS,
    GAS_LEVELS,
    GasScale,
    check_lifecycle_change,
)
from careweave.domain.values import new_id
from careweave.services.plans.plans import PlanDraft

MAX_CONTINGENCIES = 20
NEW = "new-"
GOAL_KEYS = (
    "ref",
    "description",
    "hopes",
    "importance",
    "weight",
    "lifecycle_status",
    "need_outcome",
    "start_on",
    "target_on",
    *(f"level-{lv}" for lv in GAS_LEVELS),
)
ACTION_KEYS = ("ref", "what", "who_kind", "who", "when", "status", "goal")
CONTINGENCY_KEYS = ("ref", "if_this_happens", "do_this", "contact")
TOP_KEYS = (
    "summary",
    "strengths",
    "funding_source",
    "review_on",
    "review_by",
    "agreed",
    "agreed_by",
    "agreed_on",
    "has_capacity",
    "consent_given",
    "representative_name",
    "capacity_assessed_by",
    "best_interests_reason",
)
ROWS = {
    "goal": (GOAL_KEYS, MAX_GOALS),
    "action": (ACTION_KEYS, MAX_ACTIONS),
    "contingency": (CONTINGENCY_KEYS, MAX_CONTINGENCIES),
}
Row = dict[str, str]


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad value: the input it came from ('' when no single input) and the domain's field."""

    input: str
    field: str
    message: str


class FormProblemsError(Exception):
    """Every problem found in the form; nothing was saved."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems


@dataclass(slots=True)
class ChangeForm:
    """The form's values as typed: top-level fields and the rows of each kind."""

    top: dict[str, str]
    rows: dict[str, list[Row]] = field(default_factory=dict)


def form_of_plan(plan: CarePlan) -> ChangeForm:
    """The form filled in with ``plan`` as it is."""
    a = plan.agreement
    top = {
        "summary": plan.summary,
        "strengths": "\n".join(plan.strengths),
        "funding_source": plan.funding_source.value,
        "review_on": plan.review_on.isoformat() if plan.review_on else "",
        "review_by": plan.review_by,
        "agreed": "yes" if a else "no",
        "agreed_by": (a.agreed_by if a else AgreedBy.PERSON).value,
        "agreed_on": a.agreed_on.isoformat() if a else "",
        "has_capacity": "no" if a and not a.has_capacity else "yes",
        "consent_given": "no" if a and not a.consent_given else "yes",
        "representative_name": a.representative_name if a else "",
        "capacity_assessed_by": a.capacity_assessed_by if a else "",
        "best_interests_reason": a.best_interests_reason if a else "",
    }
    goals = [_goal_row(g) for g in plan.goals]
    actions = [
        {
            "ref": x.id,
            "what": x.what,
            "who_kind": x.who_kind.value,
            "who": x.who,
            "when": x.when,
            "status": x.status.value,
            "goal": x.goal_id or "",
        }
        for x in plan.actions
    ]
    contingencies = [
        {
            "ref": NEW,
            "if_this_happens": c.if_this_happens,
            "do_this": c.do_this,
            "contact": c.contact,
        }
        for c in plan.contingencies
    ]
    return ChangeForm(top, {"goal": goals, "action": actions, "contingency": contingencies})


def _goal_row(g: Goal) -> Row:
    row = {
        "ref": g.id,
        "description": g.description,
        "hopes": g.hopes,
        "importance": str(g.importance),
        "weight": f"{g.weight:g}",
        "lifecycle_status": g.lifecycle_status.value,
        "need_outcome": g.need_outcome.value if g.need_outcome else "",
        "start_on": g.start_on.isoformat() if g.start_on else "",
        "target_on": g.target_on.isoformat() if g.target_on else "",
    }
    row.update({f"level-{lv}": words for lv, words in g.scale.levels.items()})
    return row


def form_of_submission(form: Mapping[str, str]) -> ChangeForm:
    """The form as submitted: rows are read while ``<kind>-<n>-ref`` is present."""
    rows: dict[str, list[Row]] = {}
    for kind, (keys, limit) in ROWS.items():
        rows[kind] = []
        for i in range(limit):
            if f"{kind}-{i}-ref" not in form:
                break
            rows[kind].append({k: text(form, f"{kind}-{i}-{k}") for k in keys})
    return ChangeForm({k: text(form, k) for k in TOP_KEYS}, rows)


def blank_row(kind: str) -> Row:
    """An empty row of ``kind``, with the defaults a new goal, action or contingency starts with."""
    keys = ROWS[kind][0]
    row = dict.fromkeys(keys, "")
    row["ref"] = NEW + new_id()
    if kind == "goal":
        row.update(importance="8", weight="1", lifecycle_status="active")
        row.update({f"level-{lv}": words for lv, words in DEFAULT_LEVEL_MEANINGS.items()})
    elif kind == "action":
        row.update(who_kind="worker", status="not-started")
    return row


def apply_button(change: ChangeForm, button: str) -> bool:
    """Add or remove a row as ``button`` says (``add-goal``, ``remove-action-2``); True if it did."""
    verb, _, rest = button.partition("-")
    kind, _, index = rest.partition("-")
    rows = change.rows.get(kind)
    if rows is None:
        return False
    if verb == "add" and not index and len(rows) < ROWS[kind][1]:
        rows.append(blank_row(kind))
        return True
    if verb == "remove" and index.isdigit() and int(index) < len(rows):
        del rows[int(index)]
        return True
    return False


def draft_of(change: ChangeForm, current: CarePlan) -> PlanDraft:
    """The next version the form describes; raises :class:`FormProblemsError` naming every bad input.

    Goals keep their ids (so their ratings follow them); a goal's status may only move along the
    FHIR transitions, checked per row so the error lands on that goal.
    """
    problems: list[Problem] = []
    old_goals = {g.id: g for g in current.goals}
    goal_rows = change.rows.get("goal", [])
    goals = [
        _collect(problems, f"goal-{i}", partial(_goal, row, old_goals))
        for i, row in enumerate(goal_rows)
    ]
    goal_ids = {row["ref"]: g.id if g else None for row, g in zip(goal_rows, goals, strict=True)}
    old_actions = {a.id for a in current.actions}
    actions = [
        _collect(problems, f"action-{i}", partial(_action, row, goal_ids, old_actions))
        for i, row in enumerate(change.rows.get("action", []))
    ]
    contingencies = [
        _collect(problems, f"contingency-{i}", partial(_contingency, row))
        for i, row in enumerate(change.rows.get("contingency", []))
    ]
    draft = _collect(problems, "", partial(_draft, change.top, goals, actions, contingencies))
    if problems or draft is None:
        raise FormProblemsError(problems)
    return draft  # type: ignore[no-any-return]


def _collect(problems: list[Problem], prefix: str, build: Callable[[], Any]) -> Any:
    try:
        return build()
    except DomainValidationError as error:
        problems.append(problem_of(error, prefix))
        return None


def problem_of(error: DomainValidationError, prefix: str = "") -> Problem:
    """The problem with the input ``error`` names (``goal.scale.+1`` in row ``goal-0`` is the input
    ``goal-0-level-1``; ``agreement.agreed_on`` and ``plan.review_on`` are top-level inputs)."""
    head, _, attribute = error.field.partition(".")
    if attribute.startswith("scale"):
        level = attribute.removeprefix("scale").lstrip(".")
        attribute = f"level-{int(level)}" if level.lstrip("+-").isdigit() else "level--2"
    if head == "plan" and attribute in TOP_KEYS:
        return Problem(attribute, error.field, error.message)
    if head == "agreement" and attribute in TOP_KEYS:
        return Problem(attribute, error.field, error.message)
    keys = ROWS[prefix.partition("-")[0]][0] if prefix else ()
    name = f"{prefix}-{attribute}" if attribute in keys else ""
    return Problem(name, error.field, error.message)


def _goal(row: Row, old_goals: Mapping[str, Goal]) -> Goal:
    ref = row["ref"]
    if ref not in old_goals and not ref.startswith(NEW):
        raise DomainValidationError("goal.ref", "is not a goal of this plan; open the plan again")
    weight = row["weight"] or "1"
    try:
        weight_value = float(weight)
    except ValueError:
        raise DomainValidationError("goal.weight", f"{weight!r} is not a number") from None
    status: Any = row["lifecycle_status"] or "active"
    outcome: Any = row["need_outcome"] or None
    goal = Goal(
        description=row["description"],
        hopes=row["hopes"],
        weight=weight_value,
        importance=whole(row, "importance", "goal.importance"),
        lifecycle_status=status,
        need_outcome=outcome,
        scale=GasScale({lv: row[f"level-{lv}"] for lv in GAS_LEVELS}),
        start_on=day(row, "start_on", "goal.start_on", required=False),
        target_on=day(row, "target_on", "goal.target_on", required=False),
        **({"id": ref} if ref in old_goals else {}),
    )
    if ref in old_goals:
        check_lifecycle_change(old_goals[ref].lifecycle_status, goal.lifecycle_status)
    return goal


def _action(row: Row, goal_ids: Mapping[str, str | None], old_actions: set[str]) -> Action:
    if row["goal"] and row["goal"] not in goal_ids:
        raise DomainValidationError("action.goal", "choose one of the goals in this plan")
    who_kind: Any = row["who_kind"]
    status: Any = row["status"] or "not-started"
    return Action(
        what=row["what"],
        who_kind=who_kind,
        who=row["who"],
        when=row["when"],
        status=status,
        goal_id=goal_ids.get(row["goal"]),
        **({"id": row["ref"]} if row["ref"] in old_actions else {}),
    )


def _contingency(row: Row) -> Contingency:
    return Contingency(row["if_this_happens"], row["do_this"], row["contact"])


def _draft(
    top: Mapping[str, str],
    goals: list[Goal],
    actions: list[Action],
    contingencies: list[Contingency],
) -> PlanDraft:
    funding: Any = top["funding_source"]
    strengths = tuple(line.strip() for line in top["strengths"].splitlines() if line.strip())
    return PlanDraft(
        review_on=day(top, "review_on", "plan.review_on", required=False),
        review_by=top["review_by"],
        funding_source=funding,
        summary=top["summary"],
        strengths=strengths,
        goals=tuple(goals),
        actions=tuple(actions),
        contingencies=tuple(contingencies),
        agreement=agreement_from(top),
    )
