"""People, plans and outcomes: conversations, eligibility, plan versions and goals, GAS ratings,
reablement episodes and risks.

Revision ID: 0004_plans
Revises: 0003_recording
Create Date: 2026-11-22

Written by hand to match :mod:`careweave.adapters.storage.tables_plans`.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_plans"
down_revision: str | Sequence[str] | None = "0003_recording"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = 32
NAME = 120
CODE = 40


def _person(table: str) -> list[sa.Column[str] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("person_id", sa.String(length=ID), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=f"fk_{table}_person_id_people", ondelete="CASCADE"
        ),
    ]


def _index_person(table: str) -> None:
    op.create_index(f"ix_{table}_person_id", table, ["person_id"], unique=False)


def upgrade() -> None:
    """Create the plans tables."""
    op.create_table(
        "conversations",
        sa.Column("id", sa.String(length=ID), nullable=False),
        *_person("conversations"),
        sa.Column("kind", sa.String(length=CODE), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("held_by", sa.String(length=NAME), nullable=False),
        sa.Column("agreed", sa.Text(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("personal_budget_pence", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_conversations"),
    )
    _index_person("conversations")
    op.create_table(
        "eligibility_assessments",
        sa.Column("id", sa.String(length=ID), nullable=False),
        *_person("eligibility_assessments"),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("assessed_by", sa.String(length=NAME), nullable=False),
        sa.Column("arises_from_impairment_or_illness", sa.Boolean(), nullable=False),
        sa.Column("impairment_notes", sa.Text(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("wellbeing", sa.JSON(), nullable=False),
        sa.Column("override", sa.JSON(), nullable=True),
        sa.Column("eligible", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_eligibility_assessments"),
    )
    _index_person("eligibility_assessments")
    _create_plan_tables()
    _create_outcome_tables()


def _create_plan_tables() -> None:
    op.create_table(
        "care_plans",
        sa.Column("plan_id", sa.String(length=ID), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_person("care_plans"),
        sa.Column("created_at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("created_by", sa.String(length=NAME), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("review_by", sa.String(length=NAME), nullable=False),
        sa.Column("funding_source", sa.String(length=CODE), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("plan_id", "version", name="pk_care_plans"),
    )
    _index_person("care_plans")
    op.create_index("ix_care_plans_review_on", "care_plans", ["review_on"], unique=False)
    op.create_table(
        "plan_goals",
        sa.Column("plan_id", sa.String(length=ID), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.String(length=ID), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("importance", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("hopes", sa.Text(), nullable=False),
        sa.Column("need_outcome", sa.String(length=CODE), nullable=True),
        sa.Column("lifecycle_status", sa.String(length=CODE), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("scale", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id", "version"],
            ["care_plans.plan_id", "care_plans.version"],
            name="fk_plan_goals_plan_id_care_plans",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("plan_id", "version", "goal_id", name="pk_plan_goals"),
    )
    op.create_index("ix_plan_goals_goal_id", "plan_goals", ["goal_id"], unique=False)


def _create_outcome_tables() -> None:
    op.create_table(
        "gas_ratings",
        sa.Column("id", sa.String(length=ID), nullable=False),
        *_person("gas_ratings"),
        sa.Column("goal_id", sa.String(length=ID), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("rated_by", sa.String(length=NAME), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("level BETWEEN -2 AND 2", name="ck_gas_ratings_level_range"),
        sa.PrimaryKeyConstraint("id", name="pk_gas_ratings"),
    )
    _index_person("gas_ratings")
    op.create_index("ix_gas_ratings_goal_id", "gas_ratings", ["goal_id"], unique=False)
    op.create_table(
        "reablement_episodes",
        sa.Column("id", sa.String(length=ID), nullable=False),
        *_person("reablement_episodes"),
        sa.Column("plan_id", sa.String(length=ID), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("planned_end_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_result", sa.String(length=CODE), nullable=True),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("at_home_after_91_days", sa.Boolean(), nullable=True),
        sa.Column("goal_ids", sa.JSON(), nullable=False),
        sa.Column("barthel_start", sa.JSON(), nullable=True),
        sa.Column("barthel_end", sa.JSON(), nullable=True),
        sa.Column("reviews", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reablement_episodes"),
    )
    _index_person("reablement_episodes")
    op.create_index(
        "ix_reablement_episodes_ended_on", "reablement_episodes", ["ended_on"], unique=False
    )
    op.create_table(
        "risks",
        sa.Column("id", sa.String(length=ID), nullable=False),
        *_person("risks"),
        sa.Column("plan_id", sa.String(length=ID), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("at_risk", sa.JSON(), nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=False),
        sa.Column("impact", sa.Integer(), nullable=False),
        sa.Column("persons_view", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=CODE), nullable=False),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("agreed_by", sa.String(length=NAME), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("safeguards", sa.Text(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_risks"),
    )
    _index_person("risks")
    op.create_index("ix_risks_plan_id", "risks", ["plan_id"], unique=False)


def downgrade() -> None:
    """Drop the plans tables."""
    for table in (
        "risks",
        "reablement_episodes",
        "gas_ratings",
        "plan_goals",
        "care_plans",
        "eligibility_assessments",
        "conversations",
    ):
        op.drop_table(table)
