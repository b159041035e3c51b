"""Conversions between the plans domain and the JSON columns of the plans tables."""

from __future__ import annotations

from datetime import date

from careweave.adapters.storage.json_columns import Json, _day, _iso
from careweave.domain.plans.care_plan import Action, Agreement, Contingency
from careweave.domain.plans.conversations import AgreedAction
from careweave.domain.plans.eligibility import OutcomeFinding, ProfessionalJudgement
from careweave.domain.plans.gas import GasScale
from careweave.domain.plans.medicines import DayPart, PlanMedicine


def scale_to_json(scale: GasScale) -> Json:
    """The five level descriptions keyed by the level as text (JSON keys are strings)."""
    return {str(level): words for level, words in scale.levels.items()}


def scale_from_json(data: Json) -> GasScale:
    """The GAS scale stored by :func:`scale_to_json`."""
    return GasScale({int(level): words for level, words in data.items()})


def action_to_json(a: Action) -> Json:
    """One plan action."""
    return {
        "id": a.id,
        "what": a.what,
        "who_kind": a.who_kind.value,
        "who": a.who,
        "when": a.when,
        "status": a.status.value,
        "goal_id": a.goal_id,
    }


def action_from_json(d: Json) -> Action:
    """One plan action from :func:`action_to_json`."""
    return Action(
        id=d["id"],
        what=d["what"],
        who_kind=d["who_kind"],
        who=d["who"],
        when=d["when"],
        status=d["status"],
        goal_id=d["goal_id"],
    )


def agreement_to_json(a: Agreement | None) -> Json | None:
    """How the plan was agreed (None when not yet agreed)."""
    if a is None:
        return None
    return {
        "agreed_by": a.agreed_by.value,
        "agreed_on": a.agreed_on.isoformat(),
        "has_capacity": a.has_capacity,
        "consent_given": a.consent_given,
        "representative_name": a.representative_name,
        "capacity_assessed_by": a.capacity_assessed_by,
        "best_interests_reason": a.best_interests_reason,
    }


def agreement_from_json(d: Json | None) -> Agreement | None:
    """The agreement from :func:`agreement_to_json`."""
    if d is None:
        return None
    return Agreement(**{**d, "agreed_on": date.fromisoformat(d["agreed_on"])})


def contingency_to_json(c: Contingency) -> Json:
    """One contingency."""
    return {"if_this_happens": c.if_this_happens, "do_this": c.do_this, "contact": c.contact}


def contingency_from_json(d: Json) -> Contingency:
    """One contingency from :func:`contingency_to_json`."""
    return Contingency(**d)


def medicine_to_json(m: PlanMedicine) -> Json:
    """One medicine of a plan (its times in the day's order, so the JSON is stable)."""
    times = [t.value for t in DayPart if t in m.times]
    return {"item": m.item, "times": times, "instructions": m.instructions}


def medicine_from_json(d: Json) -> PlanMedicine:
    """One medicine from :func:`medicine_to_json`."""
    return PlanMedicine(d["item"], frozenset(DayPart(t) for t in d["times"]), d["instructions"])


def agreed_action_to_json(a: AgreedAction) -> Json:
    """One action agreed in a conversation."""
    return {"what": a.what, "who": a.who, "by_when": _iso(a.by_when)}


def agreed_action_from_json(d: Json) -> AgreedAction:
    """One conversation action from :func:`agreed_action_to_json`."""
    return AgreedAction(what=d["what"], who=d["who"], by_when=_day(d["by_when"]))


def finding_to_json(f: OutcomeFinding) -> Json:
    """One eligibility finding."""
    return {
        "outcome": f.outcome.value,
        "unable": f.unable,
        "reasons": sorted(r.value for r in f.reasons),
        "notes": f.notes,
    }


def finding_from_json(d: Json) -> OutcomeFinding:
    """One eligibility finding from :func:`finding_to_json`."""
    return OutcomeFinding(
        outcome=d["outcome"], unable=d["unable"], reasons=frozenset(d["reasons"]), notes=d["notes"]
    )


def judgement_to_json(j: ProfessionalJudgement | None) -> Json | None:
    """A recorded professional judgement."""
    if j is None:
        return None
    return {
        "eligible": j.eligible,
        "reason": j.reason,
        "made_by": j.made_by,
        "made_on": j.made_on.isoformat(),
    }


def judgement_from_json(d: Json | None) -> ProfessionalJudgement | None:
    """A professional judgement from :func:`judgement_to_json`."""
    if d is None:
        return None
    return ProfessionalJudgement(
        eligible=d["eligible"],
        reason=d["reason"],
        made_by=d["made_by"],
        made_on=date.fromisoformat(d["made_on"]),
    )
