"""SQL repositories of conversations, eligibility assessments, plan versions, GAS ratings and risks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from careweave.adapters.storage import json_columns
from careweave.adapters.storage.people import tables as people_tables
from careweave.adapters.storage.person_owned import _PersonOwned
from careweave.adapters.storage.plans import mapping
from careweave.adapters.storage.plans.tables import (
    care_plans,
    conversations,
    eligibility_assessments,
    gas_ratings,
    plan_goals,
    risks,
)
from careweave.adapters.storage.repository import chunks, integrity_as_conflict
from careweave.domain.errors import NotFoundError
from careweave.domain.plans.care_plan import CarePlan, Goal
from careweave.domain.plans.conversations import Conversation
from careweave.domain.plans.eligibility import EligibilityAssessment
from careweave.domain.plans.gas import GasRating
from careweave.domain.plans.risk import Risk


class SqlConversationRepository(_PersonOwned):
    """Conversations, oldest first."""

    table = conversations
    kind = "conversation"
    order = ("held_on", "id")

    def list_for_person(self, person_id: str) -> list[Any]:
        """The person's conversations by day; on one day in the order of the pathway (1, 2, 3)."""
        found = super().list_for_person(person_id)
        return sorted(found, key=lambda c: (c.held_on, c.kind.number, c.id))

    def _to_row(self, c: Conversation) -> dict[str, Any]:
        return {
            "id": c.id,
            "person_id": c.person_id,
            "kind": c.kind.value,
            "held_on": c.held_on,
            "held_by": c.held_by,
            "agreed": c.agreed,
            "topics": dict(c.topics),
            "actions": [mapping.agreed_action_to_json(a) for a in c.actions],
            "review_on": c.review_on,
            "personal_budget_pence": c.personal_budget_pence,
        }

    def _from_row(self, r: RowMapping) -> Conversation:
        return Conversation(
            id=r["id"],
            person_id=r["person_id"],
            kind=r["kind"],
            held_on=r["held_on"],
            held_by=r["held_by"],
            agreed=r["agreed"],
            topics=dict(r["topics"]),
            actions=tuple(mapping.agreed_action_from_json(a) for a in r["actions"]),
            review_on=r["review_on"],
            personal_budget_pence=r["personal_budget_pence"],
        )


class SqlEligibilityRepository(_PersonOwned):
    """Eligibility assessments, oldest first."""

    table = eligibility_assessments
    kind = "eligibility assessment"
    order = ("assessed_on", "id")

    def _to_row(self, a: EligibilityAssessment) -> dict[str, Any]:
        return {
            "id": a.id,
            "person_id": a.person_id,
            "assessed_on": a.assessed_on,
            "assessed_by": a.assessed_by,
            "arises_from_impairment_or_illness": a.arises_from_impairment_or_illness,
            "impairment_notes": a.impairment_notes,
            "findings": [mapping.finding_to_json(f) for f in a.findings],
            "wellbeing": [[area.value, impact.value] for area, impact in a.wellbeing],
            "override": mapping.judgement_to_json(a.override),
            "eligible": a.determine().eligible,
        }

    def _from_row(self, r: RowMapping) -> EligibilityAssessment:
        return EligibilityAssessment(
            id=r["id"],
            person_id=r["person_id"],
            assessed_on=r["assessed_on"],
            assessed_by=r["assessed_by"],
            arises_from_impairment_or_illness=r["arises_from_impairment_or_illness"],
            impairment_notes=r["impairment_notes"],
            findings=tuple(mapping.finding_from_json(f) for f in r["findings"]),
            wellbeing=tuple((area, impact) for area, impact in r["wellbeing"]),
            override=mapping.judgement_from_json(r["override"]),
        )


class SqlRiskRepository(_PersonOwned):
    """Risks, by when they were agreed."""

    table = risks
    kind = "risk"
    order = ("agreed_on", "id")

    def _to_row(self, k: Risk) -> dict[str, Any]:
        return {
            "id": k.id,
            "person_id": k.person_id,
            "plan_id": k.plan_id,
            "description": k.description,
            "at_risk": sorted(a.value for a in k.at_risk),
            "likelihood": int(k.likelihood),
            "impact": int(k.impact),
            "persons_view": k.persons_view,
            "decision": k.decision.value,
            "decision_reason": k.decision_reason,
            "agreed_by": k.agreed_by,
            "agreed_on": k.agreed_on,
            "safeguards": k.safeguards,
            "review_on": k.review_on,
        }

    def _from_row(self, r: RowMapping) -> Risk:
        return Risk(
            id=r["id"],
            person_id=r["person_id"],
            plan_id=r["plan_id"],
            description=r["description"],
            at_risk=frozenset(r["at_risk"]),
            likelihood=r["likelihood"],
            impact=r["impact"],
            persons_view=r["persons_view"],
            decision=r["decision"],
            decision_reason=r["decision_reason"],
            agreed_by=r["agreed_by"],
            agreed_on=r["agreed_on"],
            safeguards=r["safeguards"],
            review_on=r["review_on"],
        )


def _rating(r: RowMapping) -> GasRating:
    return GasRating(
        id=r["id"],
        goal_id=r["goal_id"],
        rated_on=r["rated_on"],
        level=r["level"],
        rated_by=r["rated_by"],
        note=r["note"],
    )


class SqlGasRatingRepository:
    """GAS ratings of each person's goals, by day then id."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_for_person(self, person_id: str, ratings: Iterable[GasRating]) -> None:
        """Store new ratings of ``person_id``'s goals."""
        rows = [
            {
                "id": g.id,
                "person_id": person_id,
                "goal_id": g.goal_id,
                "rated_on": g.rated_on,
                "level": g.level,
                "rated_by": g.rated_by,
                "note": g.note,
            }
            for g in ratings
        ]
        if rows:
            with integrity_as_conflict(self.session, "that rating is already stored"):
                self.session.execute(insert(gas_ratings), rows)

    def list_for_person(self, person_id: str) -> list[GasRating]:
        """Every rating of the person's goals."""
        c = gas_ratings.c
        statement = select(gas_ratings).where(c.person_id == person_id).order_by(c.rated_on, c.id)
        return [_rating(r) for r in self.session.execute(statement).mappings()]


# Another name for the plans table, to find each plan's newest version; made once (an alias's
# columns are costly to build on every call).
_newer_plans = care_plans.alias("newer")


class SqlCarePlanRepository:
    """Care and support plans, every version kept; a version once stored never changes."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_version(self, plan: CarePlan) -> None:
        """Store a new version of a plan (version 1 for a new plan).

        Raises :class:`ConflictError` when that version already exists: someone else changed the
        plan first, and this change must be made again on their version.
        """
        if not self.session.get(people_tables.PersonRow, plan.person_id):
            raise NotFoundError("person", plan.person_id)
        with integrity_as_conflict(
            self.session, "someone else changed this plan first; open it again"
        ):
            self.session.execute(insert(care_plans).values(**_plan_row(plan)))
            self.session.flush()
        goals = [_goal_row(plan, i, g) for i, g in enumerate(plan.goals)]
        if goals:
            self.session.execute(insert(plan_goals), goals)

    def get(self, plan_id: str, version: int | None = None) -> CarePlan:
        """Version ``version`` of the plan (its newest when ``None``)."""
        c = care_plans.c
        statement = select(care_plans).where(c.plan_id == plan_id)
        statement = (
            statement.where(c.version == version)
            if version
            else statement.order_by(c.version.desc()).limit(1)
        )
        found = self._load(self.session.execute(statement).mappings().all())
        if not found:
            raise NotFoundError(
                "plan", plan_id if version is None else f"{plan_id} version {version}"
            )
        return found[0]

    def versions(self, plan_id: str) -> list[CarePlan]:
        """Every version of the plan, oldest first."""
        c = care_plans.c
        found = self._load(
            self.session.execute(select(care_plans).where(c.plan_id == plan_id).order_by(c.version))
            .mappings()
            .all()
        )
        if not found:
            raise NotFoundError("plan", plan_id)
        return found

    def list_for_person(self, person_id: str, *, all_versions: bool = False) -> list[CarePlan]:
        """The person's plans (newest version of each unless ``all_versions``), oldest plan first."""
        c = care_plans.c
        statement = (
            select(care_plans)
            .where(c.person_id == person_id)
            .order_by(c.created_at, c.plan_id, c.version)
        )
        plans = self._load(self.session.execute(statement).mappings().all())
        if all_versions:
            return plans
        first_made: dict[str, datetime] = {}
        newest: dict[str, CarePlan] = {}
        for plan in plans:  # by creation time, so each plan's later versions come after
            first_made.setdefault(plan.plan_id, plan.created_at)
            if plan.plan_id not in newest or plan.version > newest[plan.plan_id].version:
                newest[plan.plan_id] = plan
        return sorted(newest.values(), key=lambda p: (first_made[p.plan_id], p.plan_id))

    def plan_of_goal(self, goal_id: str) -> CarePlan:
        """The newest version of the plan that holds ``goal_id``."""
        c = plan_goals.c
        row = self.session.execute(select(c.plan_id).where(c.goal_id == goal_id).limit(1)).first()
        if row is None:
            raise NotFoundError("goal", goal_id)
        return self.get(row[0])

    def reviews_due(self, team_id: str, by: date) -> list[tuple[str, date]]:
        """``(person_id, review_on)`` of the team's plans whose newest version is to be reviewed
        on or before ``by``, by review date (one query; nothing but the two columns is read)."""
        c, newer = care_plans.c, _newer_plans.c
        newest = select(func.max(newer.version)).where(newer.plan_id == c.plan_id)
        statement = (
            select(c.person_id, c.review_on)
            .join(people_tables.people, people_tables.people.c.id == c.person_id)
            .where(
                people_tables.people.c.team_id == team_id,
                c.version == newest.scalar_subquery(),
                c.review_on <= by,
            )
            .order_by(c.review_on, c.person_id, c.plan_id)
        )
        return [(person_id, review_on) for person_id, review_on in self.session.execute(statement)]

    def _load(self, rows: Sequence[RowMapping]) -> list[CarePlan]:
        keys = [(r["plan_id"], r["version"]) for r in rows]
        goals: dict[tuple[str, int], list[Goal]] = defaultdict(list)
        for chunk in chunks(sorted({k[0] for k in keys})):
            c = plan_goals.c
            statement = (
                select(plan_goals)
                .where(c.plan_id.in_(chunk))
                .order_by(c.plan_id, c.version, c.position)
            )
            for g in self.session.execute(statement).mappings():
                goals[(g["plan_id"], g["version"])].append(_goal(g))
        return [_plan(r, goals[(r["plan_id"], r["version"])]) for r in rows]


def _plan_row(p: CarePlan) -> dict[str, Any]:
    body = {
        "strengths": list(p.strengths),
        "actions": [mapping.action_to_json(a) for a in p.actions],
        "contingencies": [mapping.contingency_to_json(c) for c in p.contingencies],
        "agreement": mapping.agreement_to_json(p.agreement),
        "medicines": [mapping.medicine_to_json(m) for m in p.medicines],
    }
    return {
        "plan_id": p.plan_id,
        "version": p.version,
        "person_id": p.person_id,
        "created_at": json_columns.naive_utc(p.created_at),
        "created_by": p.created_by,
        "review_on": p.review_on,
        "review_by": p.review_by,
        "funding_source": p.funding_source.value,
        "summary": p.summary,
        "body": body,
    }


def _plan(r: RowMapping, goals: list[Goal]) -> CarePlan:
    body = r["body"]
    return CarePlan(
        plan_id=r["plan_id"],
        version=r["version"],
        person_id=r["person_id"],
        created_at=json_columns.aware_utc(r["created_at"]),
        created_by=r["created_by"],
        review_on=r["review_on"],
        review_by=r["review_by"],
        funding_source=r["funding_source"],
        summary=r["summary"],
        strengths=tuple(body["strengths"]),
        goals=tuple(goals),
        actions=tuple(mapping.action_from_json(a) for a in body["actions"]),
        contingencies=tuple(mapping.contingency_from_json(c) for c in body["contingencies"]),
        agreement=mapping.agreement_from_json(body["agreement"]),
        # Plans saved before medicines were kept have none.
        medicines=tuple(mapping.medicine_from_json(m) for m in body.get("medicines", ())),
    )


def _goal_row(p: CarePlan, position: int, g: Goal) -> dict[str, Any]:
    return {
        "plan_id": p.plan_id,
        "version": p.version,
        "goal_id": g.id,
        "position": position,
        "description": g.description,
        "importance": g.importance,
        "weight": g.weight,
        "hopes": g.hopes,
        "need_outcome": g.need_outcome.value if g.need_outcome else None,
        "lifecycle_status": g.lifecycle_status.value,
        "start_on": g.start_on,
        "target_on": g.target_on,
        "scale": mapping.scale_to_json(g.scale),
    }


def _goal(r: RowMapping) -> Goal:
    return Goal(
        id=r["goal_id"],
        description=r["description"],
        importance=r["importance"],
        weight=r["weight"],
        hopes=r["hopes"],
        need_outcome=r["need_outcome"],
        lifecycle_status=r["lifecycle_status"],
        start_on=r["start_on"],
        target_on=r["target_on"],
        scale=mapping.scale_from_json(r["scale"]),
    )
