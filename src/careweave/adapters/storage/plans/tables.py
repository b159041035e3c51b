"""Storage models of people's plans and outcomes: conversations, eligibility assessments, care
plan versions with their goals, GAS ratings, and risks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from careweave.adapters.storage.person_owned import CODE_LENGTH, NAME_LENGTH, person_column
from careweave.adapters.storage.schema import ID_LENGTH, Base, id_column, table_of


class ConversationRow(Base):
    """One of the three conversations with a person."""

    __tablename__ = "conversations"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    kind: Mapped[str] = mapped_column(String(CODE_LENGTH))
    held_on: Mapped[dt.date] = mapped_column(Date)
    held_by: Mapped[str] = mapped_column(String(NAME_LENGTH))
    agreed: Mapped[str] = mapped_column(Text)
    topics: Mapped[dict[str, Any]] = mapped_column(JSON)
    actions: Mapped[list[Any]] = mapped_column(JSON)
    review_on: Mapped[dt.date | None] = mapped_column(Date)
    personal_budget_pence: Mapped[int | None] = mapped_column(Integer)


class EligibilityAssessmentRow(Base):
    """An eligibility assessment; ``eligible`` is the decision that stands, kept for reports."""

    __tablename__ = "eligibility_assessments"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    assessed_by: Mapped[str] = mapped_column(String(NAME_LENGTH))
    arises_from_impairment_or_illness: Mapped[bool] = mapped_column(Boolean)
    impairment_notes: Mapped[str] = mapped_column(Text)
    findings: Mapped[list[Any]] = mapped_column(JSON)
    wellbeing: Mapped[list[Any]] = mapped_column(JSON)
    override: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    eligible: Mapped[bool] = mapped_column(Boolean)


class CarePlanRow(Base):
    """One version of a care and support plan; (plan_id, version) is unique, so two people
    saving a change to the same version at once cannot both win."""

    __tablename__ = "care_plans"

    plan_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = person_column()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False))
    created_by: Mapped[str] = mapped_column(String(NAME_LENGTH))
    review_on: Mapped[dt.date] = mapped_column(Date, index=True)
    review_by: Mapped[str] = mapped_column(String(NAME_LENGTH))
    funding_source: Mapped[str] = mapped_column(String(CODE_LENGTH))
    summary: Mapped[str] = mapped_column(Text)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)


class PlanGoalRow(Base):
    """A goal as it stands in one version of a plan."""

    __tablename__ = "plan_goals"

    plan_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(500))
    importance: Mapped[int] = mapped_column(Integer)
    weight: Mapped[float] = mapped_column(Float)
    hopes: Mapped[str] = mapped_column(Text)
    need_outcome: Mapped[str | None] = mapped_column(String(CODE_LENGTH))
    lifecycle_status: Mapped[str] = mapped_column(String(CODE_LENGTH))
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    target_on: Mapped[dt.date | None] = mapped_column(Date)
    scale: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (
        ForeignKeyConstraint(
            ["plan_id", "version"],
            ["care_plans.plan_id", "care_plans.version"],
            ondelete="CASCADE",
            name="fk_plan_goals_plan_id_care_plans",
        ),
        Index("ix_plan_goals_goal_id", "goal_id"),
    )


class GasRatingRow(Base):
    """One GAS rating of one goal on one day (the level is checked by the database too)."""

    __tablename__ = "gas_ratings"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    goal_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    rated_on: Mapped[dt.date] = mapped_column(Date)
    level: Mapped[int] = mapped_column(Integer)
    rated_by: Mapped[str] = mapped_column(String(NAME_LENGTH))
    note: Mapped[str] = mapped_column(Text)

    __table_args__ = (CheckConstraint("level BETWEEN -2 AND 2", name="level_range"),)


class RiskRow(Base):
    """A risk and the positive risk-taking decision agreed, linked to a plan."""

    __tablename__ = "risks"

    id: Mapped[str] = id_column()
    person_id: Mapped[str] = person_column()
    plan_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    description: Mapped[str] = mapped_column(Text)
    at_risk: Mapped[list[Any]] = mapped_column(JSON)
    likelihood: Mapped[int] = mapped_column(Integer)
    impact: Mapped[int] = mapped_column(Integer)
    persons_view: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(String(CODE_LENGTH))
    decision_reason: Mapped[str] = mapped_column(Text)
    agreed_by: Mapped[str] = mapped_column(String(NAME_LENGTH))
    agreed_on: Mapped[dt.date] = mapped_column(Date)
    safeguards: Mapped[str] = mapped_column(Text)
    review_on: Mapped[dt.date | None] = mapped_column(Date)


conversations = table_of(ConversationRow)


eligibility_assessments = table_of(EligibilityAssessmentRow)


care_plans = table_of(CarePlanRow)


plan_goals = table_of(PlanGoalRow)


gas_ratings = table_of(GasRatingRow)


risks = table_of(RiskRow)
