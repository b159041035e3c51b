"""In-memory conversations, eligibility assessments, plan versions, GAS ratings and risks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from tests.fakes.repository import FakePersonOwnedRepository
from tests.fakes.rows import Rows, Transaction

from careweave.domain.errors import ConflictError, NotFoundError
from careweave.domain.plans.care_plan import CarePlan
from careweave.domain.plans.conversations import Conversation
from careweave.domain.plans.eligibility import EligibilityAssessment
from careweave.domain.plans.gas import GasRating
from careweave.domain.plans.risk import Risk


class FakeConversationRepository(FakePersonOwnedRepository[Conversation]):
    """Conversations by day; on one day in the order of the pathway (1, 2, 3)."""

    table = "conversations"
    kind = "conversation"

    def _order(self, record: Conversation) -> tuple[date, int]:
        return (record.held_on, record.kind.number)


class FakeEligibilityRepository(FakePersonOwnedRepository[EligibilityAssessment]):
    """Eligibility assessments, oldest first."""

    table = "eligibility_assessments"
    kind = "eligibility assessment"

    def _order(self, record: EligibilityAssessment) -> tuple[date]:
        return (record.assessed_on,)


class FakeRiskRepository(FakePersonOwnedRepository[Risk]):
    """Risks, by when they were agreed."""

    table = "risks"
    kind = "risk"

    def _order(self, record: Risk) -> tuple[date]:
        return (record.agreed_on,)


@dataclass(frozen=True, slots=True)
class PersonRating:
    """A stored rating with the person whose goal it rates (the table's ``person_id`` column)."""

    person_id: str
    rating: GasRating


class FakeGasRatingRepository:
    """GAS ratings of each person's goals, by day then id."""

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction
        self._rows: Rows[str, PersonRating] = transaction.rows("gas_ratings")

    def add_for_person(self, person_id: str, ratings: Iterable[GasRating]) -> None:
        """Store new ratings of ``person_id``'s goals, all or none."""
        batch = list(ratings)
        ids = [r.id for r in batch]
        taken = len(set(ids)) != len(ids) or any(self._rows.exists(i) for i in ids)
        if taken or not self._transaction.rows("people").exists(person_id):
            raise ConflictError("that rating is already stored")
        for rating in batch:
            self._rows.put(rating.id, PersonRating(person_id, rating))

    def list_for_person(self, person_id: str) -> list[GasRating]:
        """Every rating of the person's goals."""
        found = [row.rating for row in self._rows.all() if row.person_id == person_id]
        return sorted(found, key=lambda r: (r.rated_on, r.id))


class FakeCarePlanRepository:
    """Care and support plans by plan and version; a version once stored never changes."""

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction
        self._rows: Rows[tuple[str, int], CarePlan] = transaction.rows("care_plans")

    def add_version(self, plan: CarePlan) -> None:
        """Store a new version; :class:`ConflictError` when someone else stored it first."""
        if not self._transaction.rows("people").exists(plan.person_id):
            raise NotFoundError("person", plan.person_id)
        if self._rows.exists((plan.plan_id, plan.version)):
            raise ConflictError("someone else changed this plan first; open it again")
        self._rows.put((plan.plan_id, plan.version), plan)

    def get(self, plan_id: str, version: int | None = None) -> CarePlan:
        """Version ``version`` of the plan (its newest when ``None``)."""
        stored = self._all_versions(plan_id)
        found = [p for p in stored if p.version == version] if version else stored[-1:]
        if not found:
            raise NotFoundError(
                "plan", plan_id if version is None else f"{plan_id} version {version}"
            )
        return found[0]

    def versions(self, plan_id: str) -> list[CarePlan]:
        """Every version of the plan, oldest first."""
        found = self._all_versions(plan_id)
        if not found:
            raise NotFoundError("plan", plan_id)
        return found

    def list_for_person(self, person_id: str, *, all_versions: bool = False) -> list[CarePlan]:
        """The person's plans (newest version of each unless ``all_versions``), oldest plan
        first."""
        plans = [p for p in self._rows.all() if p.person_id == person_id]
        plans.sort(key=lambda p: (p.created_at, p.plan_id, p.version))
        if all_versions:
            return plans
        first_made: dict[str, datetime] = {}
        for plan in plans:
            first_made.setdefault(plan.plan_id, plan.created_at)
        newest = _newest_versions(plans)
        return sorted(newest, key=lambda p: (first_made[p.plan_id], p.plan_id))

    def plan_of_goal(self, goal_id: str) -> CarePlan:
        """The newest version of the plan that holds ``goal_id`` (in any of its versions)."""
        holding = (p for p in self._rows.all() if goal_id in {g.id for g in p.goals})
        plan = next(holding, None)
        if plan is None:
            raise NotFoundError("goal", goal_id)
        return self.get(plan.plan_id)

    def reviews_due(self, team_id: str, by: date) -> list[tuple[str, date]]:
        """``(person_id, review_on)`` of the team's plans whose newest version is to be reviewed
        on or before ``by``, by review date."""
        team_of = {p.id: p.team_id for p in self._transaction.rows("people").all()}
        due = sorted(
            (p.review_on, p.person_id, p.plan_id)
            for p in _newest_versions(self._rows.all())
            if team_of.get(p.person_id) == team_id and p.review_on is not None and p.review_on <= by
        )
        return [(person_id, review_on) for review_on, person_id, _ in due]

    def _all_versions(self, plan_id: str) -> list[CarePlan]:
        return sorted(
            (p for p in self._rows.all() if p.plan_id == plan_id), key=lambda p: p.version
        )


def _newest_versions(plans: Iterable[CarePlan]) -> list[CarePlan]:
    """The newest version of each plan among ``plans``."""
    newest: dict[str, CarePlan] = {}
    for plan in plans:
        if plan.plan_id not in newest or plan.version > newest[plan.plan_id].version:
            newest[plan.plan_id] = plan
    return list(newest.values())
