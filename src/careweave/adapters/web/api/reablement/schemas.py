"""Schemas of reablement episodes, Barthel scores, the board and report figures, and risks."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import Id, LongText, Name, Schema
from careweave.domain.plans.risk import Risk
from careweave.domain.reablement.barthel import BarthelScore
from careweave.domain.reablement.episodes import ReablementEpisode, ReablementFigures, WeeklyReview
from careweave.services.reablement.reablement import BoardRow

BarthelIn = dict[str, int]


def barthel(scores: BarthelIn | None) -> BarthelScore | None:
    """The domain Barthel score (which rejects any score an item does not allow)."""
    items: Any = scores
    return None if scores is None else BarthelScore(items)


class EpisodeIn(Schema):
    """A new reablement episode."""

    started_on: date
    planned_end_on: date | None = None
    extension_reason: LongText = ""
    plan_id: Id | None = None
    goal_ids: list[Id] = Field(default_factory=list, max_length=20)
    barthel_start: BarthelIn | None = None


class ReviewIn(Schema):
    """A weekly review by the multi-disciplinary team."""

    held_on: date
    attendees: list[Name] = Field(min_length=1, max_length=20)
    summary: LongText
    decisions: LongText = ""

    def to_domain(self) -> WeeklyReview:
        """The domain review."""
        return WeeklyReview(self.held_on, tuple(self.attendees), self.summary, self.decisions)


class EndIn(Schema):
    """The end of an episode."""

    ended_on: date
    result: str = Field(max_length=40)
    barthel_end: BarthelIn | None = None
    extension_reason: LongText = ""


class FollowUpIn(Schema):
    """The 91-day follow-up."""

    checked_on: date
    at_home: bool


class EpisodePublic(BaseModel):
    """A reablement episode."""

    id: str
    person_id: str
    plan_id: str | None
    started_on: date
    planned_end_on: date
    last_free_day: date
    ended_on: date | None
    end_result: str | None
    extension_reason: str
    goal_ids: list[str]
    barthel_start: dict[str, int] | None
    barthel_start_total: int | None
    barthel_end: dict[str, int] | None
    barthel_end_total: int | None
    reviews: list[dict[str, Any]]
    next_review_due: date | None
    at_home_after_91_days: bool | None

    @classmethod
    def of(cls, e: ReablementEpisode) -> EpisodePublic:
        """The public view of ``e``."""

        def items(s: BarthelScore | None) -> dict[str, int] | None:
            return None if s is None else {k.value: v for k, v in s.items.items()}

        return cls(
            id=e.id,
            person_id=e.person_id,
            plan_id=e.plan_id,
            started_on=e.started_on,
            planned_end_on=e.planned_end_on,
            last_free_day=e.last_free_day,
            ended_on=e.ended_on,
            end_result=e.end_result.value if e.end_result else None,
            extension_reason=e.extension_reason,
            goal_ids=list(e.goal_ids),
            barthel_start=items(e.barthel_start),
            barthel_start_total=e.barthel_start.total if e.barthel_start else None,
            barthel_end=items(e.barthel_end),
            barthel_end_total=e.barthel_end.total if e.barthel_end else None,
            reviews=[
                {
                    "held_on": r.held_on,
                    "attendees": list(r.attendees),
                    "summary": r.summary,
                    "decisions": r.decisions,
                }
                for r in e.reviews
            ],
            next_review_due=e.next_review_due(),
            at_home_after_91_days=e.at_home_after_91_days,
        )


class BoardRowPublic(BaseModel):
    """One open episode on the reablement board."""

    episode_id: str
    person_id: str
    person_name: str
    day_number: int
    free_days_left: int
    next_review_due: date | None
    review_overdue: bool

    @classmethod
    def of(cls, row: BoardRow) -> BoardRowPublic:
        """The public view of a board row."""
        return cls(
            episode_id=row.episode.id,
            person_id=row.person.id,
            person_name=row.person.display_name,
            day_number=row.day_number,
            free_days_left=row.free_days_left,
            next_review_due=row.next_review_due,
            review_overdue=row.review_overdue,
        )


class FiguresPublic(BaseModel):
    """Reablement report figures (shares are 0..1; null when there is nothing to count)."""

    episodes: int
    ended: int
    share_no_ongoing_support: float | None
    median_barthel_change: float | None
    followed_up: int
    share_at_home_after_91_days: float | None

    @classmethod
    def of(cls, f: ReablementFigures) -> FiguresPublic:
        """The public view of the figures."""
        return cls(**{name: getattr(f, name) for name in cls.model_fields})


class RiskIn(Schema):
    """A risk and the positive risk-taking decision agreed."""

    description: LongText
    at_risk: list[str] = Field(max_length=4)
    likelihood: int
    impact: int
    persons_view: LongText
    decision: str = Field(max_length=40)
    decision_reason: LongText
    agreed_on: date
    safeguards: LongText = ""
    review_on: date | None = None

    def to_domain(self, person_id: str, plan_id: str, agreed_by: str) -> Risk:
        """The domain risk."""
        fields: dict[str, Any] = self.model_dump()
        fields["at_risk"] = frozenset(self.at_risk)
        return Risk(person_id=person_id, plan_id=plan_id, agreed_by=agreed_by, **fields)


class RiskPublic(BaseModel):
    """A stored risk."""

    id: str
    plan_id: str
    description: str
    at_risk: list[str]
    likelihood: int
    impact: int
    rating: int
    persons_view: str
    decision: str
    decision_reason: str
    agreed_by: str
    agreed_on: date
    safeguards: str
    review_on: date | None

    @classmethod
    def of(cls, r: Risk) -> RiskPublic:
        """The public view of ``r``."""
        return cls(
            id=r.id,
            plan_id=r.plan_id,
            description=r.description,
            at_risk=sorted(a.value for a in r.at_risk),
            likelihood=int(r.likelihood),
            impact=int(r.impact),
            rating=r.rating,
            persons_view=r.persons_view,
            decision=r.decision.value,
            decision_reason=r.decision_reason,
            agreed_by=r.agreed_by,
            agreed_on=r.agreed_on,
            safeguards=r.safeguards,
            review_on=r.review_on,
        )
