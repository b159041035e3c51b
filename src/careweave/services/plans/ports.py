"""Ports of the plans capability: what its services need from storage."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from careweave.domain.plans.care_plan import CarePlan
from careweave.domain.plans.conversations import Conversation
from careweave.domain.plans.eligibility import EligibilityAssessment
from careweave.domain.plans.gas import GasRating
from careweave.domain.plans.risk import Risk


class ConversationRepository(Protocol):
    """The three conversations held with each person."""

    def add(self, item: Conversation) -> None:
        """Store a new conversation."""
        ...

    def add_all(self, items: Iterable[Conversation]) -> None:
        """Store many new conversations at once (one bulk insert)."""
        ...

    def list_for_person(self, person_id: str) -> Sequence[Conversation]:
        """The person's conversations, oldest first."""
        ...


class EligibilityRepository(Protocol):
    """Eligibility assessments."""

    def get(self, ident: str) -> EligibilityAssessment:
        """The assessment with ``ident``."""
        ...

    def add(self, item: EligibilityAssessment) -> None:
        """Store a new assessment."""
        ...

    def add_all(self, items: Iterable[EligibilityAssessment]) -> None:
        """Store many new assessments at once (one bulk insert)."""
        ...

    def update(self, item: EligibilityAssessment) -> None:
        """Save a changed assessment (a professional judgement recorded on it)."""
        ...

    def list_for_person(self, person_id: str) -> Sequence[EligibilityAssessment]:
        """The person's assessments, oldest first."""
        ...


class CarePlanRepository(Protocol):
    """Care and support plans with every version kept."""

    def add_version(self, plan: CarePlan) -> None:
        """Store a new version (ConflictError when that version exists already)."""
        ...

    def get(self, plan_id: str, version: int | None = None) -> CarePlan:
        """A version of the plan (its newest when ``version`` is None)."""
        ...

    def versions(self, plan_id: str) -> Sequence[CarePlan]:
        """Every version, oldest first."""
        ...

    def list_for_person(self, person_id: str, *, all_versions: bool = False) -> Sequence[CarePlan]:
        """The person's plans (newest versions unless ``all_versions``)."""
        ...

    def plan_of_goal(self, goal_id: str) -> CarePlan:
        """The newest version of the plan holding ``goal_id``."""
        ...

    def reviews_due(self, team_id: str, by: date) -> Sequence[tuple[str, date]]:
        """``(person_id, review_on)`` of every plan of the team's people whose newest version is
        to be reviewed on or before ``by``, by review date."""
        ...


class GasRatingRepository(Protocol):
    """GAS ratings of goals."""

    def add_for_person(self, person_id: str, ratings: Iterable[GasRating]) -> None:
        """Store new ratings of the person's goals."""
        ...

    def list_for_person(self, person_id: str) -> Sequence[GasRating]:
        """Every rating of the person's goals, by day."""
        ...


class RiskRepository(Protocol):
    """Risks and the decisions agreed about them."""

    def add(self, item: Risk) -> None:
        """Store a new risk."""
        ...

    def add_all(self, items: Iterable[Risk]) -> None:
        """Store many new risks at once (one bulk insert)."""
        ...

    def list_for_person(self, person_id: str) -> Sequence[Risk]:
        """The person's risks."""
        ...
