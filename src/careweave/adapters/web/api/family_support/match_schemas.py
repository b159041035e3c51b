"""Schemas of the match board, the weights, proposals, arrangements and the scheme's figures."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from careweave.adapters.web.api.common_schemas import Id, LongText, Name, Schema
from careweave.domain.family_support.arrangements import (
    Agreement,
    Arrangement,
    Decline,
    DeclinedBy,
    EndReason,
    Review,
)
from careweave.domain.family_support.factors import Compatibility, Factor, Weights
from careweave.domain.family_support.figures import DeclineRow, Payment, SchemeFigures
from careweave.domain.family_support.stability import BlockingPair
from careweave.services.family_support.matching import BoardRow, MatchBoard


class FactorPublic(BaseModel):
    """One factor of a pair: its value (0..1), the scheme's weight, whose view, and why."""

    factor: str
    title: str
    side: str
    weight: int
    value: float
    reason: str


class CompatibilityPublic(BaseModel):
    """A pair's compatibility: the factors and the totals (points 0..1000)."""

    points: int
    percent: float
    person_points: int
    household_points: int
    factors: list[FactorPublic]

    @classmethod
    def of(cls, c: Compatibility) -> CompatibilityPublic:
        """The public view of ``c``."""
        return cls(
            points=c.points,
            percent=round(c.percent, 1),
            person_points=c.person_points,
            household_points=c.household_points,
            factors=[
                FactorPublic(
                    factor=s.factor.value,
                    title=s.title,
                    side=s.side.value,
                    weight=s.weight,
                    value=s.value,
                    reason=s.reason,
                )
                for s in c.factors
            ],
        )


class OptionPublic(BaseModel):
    """A household on a person's shortlist."""

    household_id: str
    household_name: str
    rooms: list[str]
    in_best_match: bool
    compatibility: CompatibilityPublic


class BlockingPairPublic(BaseModel):
    """A person and a household who would both rather have each other."""

    referral_id: str
    household_id: str
    displaces_referral_id: str | None
    reason: str

    @classmethod
    def of(cls, b: BlockingPair) -> BlockingPairPublic:
        """The public view of ``b``."""
        return cls(
            referral_id=b.seeker_id,
            household_id=b.host_id,
            displaces_referral_id=b.displaces,
            reason=b.reason,
        )


class BoardRowPublic(BaseModel):
    """One person on the board: their place in the best match, or why they wait."""

    referral_id: str
    person_id: str
    person_name: str
    arrangement_type: str
    household_id: str | None
    room: str | None
    points: int | None
    waiting_reason: str
    shortlist: list[OptionPublic]

    @classmethod
    def of(cls, row: BoardRow) -> BoardRowPublic:
        """The public view of ``row``."""
        return cls(
            referral_id=row.referral.id,
            person_id=row.person.id,
            person_name=row.person.display_name,
            arrangement_type=row.referral.arrangement_type.value,
            household_id=row.match.host_id if row.match else None,
            room=row.match.room if row.match else None,
            points=row.match.points if row.match else None,
            waiting_reason=row.waiting_reason,
            shortlist=[
                OptionPublic(
                    household_id=o.household.id,
                    household_name=o.household.name,
                    rooms=list(o.candidate.rooms),
                    in_best_match=o.in_best_match,
                    compatibility=CompatibilityPublic.of(o.candidate.compatibility),
                )
                for o in row.options
            ],
        )


class BoardPublic(BaseModel):
    """The scheme's match board."""

    day: date
    weights: dict[str, int]
    matched: int
    waiting: int
    total_points: int
    stable: bool
    blocking_pairs: list[BlockingPairPublic]
    short_breaks_proved_optimal: bool
    rows: list[BoardRowPublic]

    @classmethod
    def of(cls, board: MatchBoard) -> BoardPublic:
        """The public view of ``board``."""
        return cls(
            day=board.day,
            weights={f.value: w for f, w in board.weights.values.items()},
            matched=board.matched,
            waiting=len(board.rows) - board.matched,
            total_points=board.total_points,
            stable=board.stable,
            blocking_pairs=[BlockingPairPublic.of(b) for b in board.blocking],
            short_breaks_proved_optimal=board.short_breaks_proved_optimal,
            rows=[BoardRowPublic.of(r) for r in board.rows],
        )


class WeightsSchema(Schema):
    """Each factor's weight, 0 (ignored) to 10; factors left out keep the default."""

    weights: dict[Factor, int]

    def to_domain(self) -> Weights:
        """The domain weights."""
        return Weights(dict(self.weights))

    @classmethod
    def of(cls, weights: Weights) -> WeightsSchema:
        """The schema of ``weights``."""
        return cls(weights=dict(weights.values))


class ProposalIn(Schema):
    """Start introductions between the referred person and a household."""

    household_id: Id
    room: Name | None = None
    rate_pence: int | None = Field(None, ge=0, le=100_000)
    weekdays: list[int] = Field(default_factory=lambda: [0, 1, 2, 3, 4], min_length=1, max_length=7)


class AgreementIn(Schema):
    """The household agreement, signed."""

    terms: LongText
    signed_on: date

    def to_domain(self) -> Agreement:
        """The domain agreement."""
        return Agreement(self.terms, self.signed_on)


class DeclineIn(Schema):
    """Who decided not to go on, and why."""

    by: DeclinedBy
    factors: list[Factor] = Field(default_factory=list, max_length=9)
    note: LongText = ""

    def to_domain(self) -> Decline:
        """The domain decline."""
        return Decline(self.by, frozenset(self.factors), self.note)


class StartIn(Schema):
    """The day the arrangement starts."""

    starts_on: date


class ReviewIn(Schema):
    """A review of a running arrangement."""

    held_on: date
    notes: LongText

    def to_domain(self) -> Review:
        """The domain review."""
        return Review(self.held_on, self.notes)


class EndIn(Schema):
    """The end of an arrangement."""

    ends_on: date
    reason: EndReason
    note: LongText = ""


class ArrangementPublic(BaseModel):
    """An arrangement."""

    id: str
    referral_id: str
    person_id: str
    household_id: str
    arrangement_type: str
    status: str
    proposed_on: date
    decide_by: date
    starts_on: date
    ends_on: date | None
    room: str | None
    rate_pence: int
    points: int
    next_review_due: date | None
    reviews: list[dict[str, object]]
    end_reason: str | None
    decline_factors: list[str]

    @classmethod
    def of(cls, a: Arrangement) -> ArrangementPublic:
        """The public view of ``a``."""
        return cls(
            id=a.id,
            referral_id=a.referral_id,
            person_id=a.person_id,
            household_id=a.household_id,
            arrangement_type=a.arrangement_type.value,
            status=a.status.value,
            proposed_on=a.proposed_on,
            decide_by=a.decide_by,
            starts_on=a.starts_on,
            ends_on=a.ends_on,
            room=a.room,
            rate_pence=a.rate_pence,
            points=a.points,
            next_review_due=a.next_review_due(),
            reviews=[{"held_on": r.held_on, "notes": r.notes} for r in a.reviews],
            end_reason=a.end_reason.value if a.end_reason else None,
            decline_factors=sorted(f.value for f in a.decline.factors) if a.decline else [],
        )


class FiguresPublic(BaseModel):
    """The scheme's figures, and how often declines named each factor."""

    matched: int
    waiting: int
    median_days_to_match: float | None
    started_six_months_ago: int
    lasted_six_months: int
    share_lasting_six_months: float | None
    running_long_term: int
    yearly_carer_pay_pence: int
    yearly_saving_pence: int
    saving_source: str
    declines: list[dict[str, object]]

    @classmethod
    def of(cls, f: SchemeFigures, rows: list[DeclineRow], source: str) -> FiguresPublic:
        """The public view of the figures."""
        return cls(
            matched=f.matched,
            waiting=f.waiting,
            median_days_to_match=f.median_days_to_match,
            started_six_months_ago=f.started_six_months_ago,
            lasted_six_months=f.lasted_six_months,
            share_lasting_six_months=f.share_lasting_six_months,
            running_long_term=f.running_long_term,
            yearly_carer_pay_pence=f.yearly_carer_pay_pence,
            yearly_saving_pence=f.yearly_saving_pence,
            saving_source=source,
            declines=[
                {
                    "factor": r.factor.value,
                    "declines": r.declines,
                    "share": r.share,
                    "weight": r.weight,
                }
                for r in rows
            ],
        )


class PaymentPublic(BaseModel):
    """What a carer is owed for an arrangement over a period."""

    arrangement_id: str
    first_day: date
    last_day: date
    units: int
    unit: str
    rate_pence: int
    total_pence: int

    @classmethod
    def of(cls, p: Payment) -> PaymentPublic:
        """The public view of ``p``."""
        return cls(
            arrangement_id=p.arrangement_id,
            first_day=p.first_day,
            last_day=p.last_day,
            units=p.units,
            unit=p.unit,
            rate_pence=p.rate_pence,
            total_pence=p.total_pence,
        )
