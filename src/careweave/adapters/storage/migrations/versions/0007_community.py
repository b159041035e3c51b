"""The community directory in HSDS 3.0 shape: taxonomies and terms, organisations, locations,
services, services at locations, schedules and the services' term links, with a full-text index;
and social prescribing referrals.

Revision ID: 0007_community
Revises: 0006_telecare
Create Date: 2026-12-03

Foreign keys are named by the metadata's naming convention (which shortens, on PostgreSQL, the
names longer than its 63 characters). Written by hand to match :mod:`careweave.adapters.storage.community.tables`. The full-text index
that :mod:`careweave.adapters.storage.community.search_index` queries is each database's own: an
FTS5 table kept in step by triggers on SQLite, a GIN index on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_community"
down_revision: str | Sequence[str] | None = "0006_telecare"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UUID = 36
NAME = 255
CODE = 40
URL = 2000
EMAIL = 320
SEARCH = "community_service_search"

SQLITE_SEARCH = (
    f"CREATE VIRTUAL TABLE {SEARCH} USING fts5("
    "service_id UNINDEXED, search_text, tokenize = 'porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER {SEARCH}_insert AFTER INSERT ON community_services BEGIN "
    f"INSERT INTO {SEARCH} (service_id, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER {SEARCH}_update AFTER UPDATE OF search_text ON community_services BEGIN "
    f"DELETE FROM {SEARCH} WHERE service_id = old.id; "
    f"INSERT INTO {SEARCH} (service_id, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER {SEARCH}_delete AFTER DELETE ON community_services BEGIN "
    f"DELETE FROM {SEARCH} WHERE service_id = old.id; END",
)
SQLITE_SEARCH_DROP = (
    f"DROP TRIGGER {SEARCH}_delete",
    f"DROP TRIGGER {SEARCH}_update",
    f"DROP TRIGGER {SEARCH}_insert",
    f"DROP TABLE {SEARCH}",
)
POSTGRES_SEARCH = (
    "CREATE INDEX ix_community_services_search_text ON community_services "
    "USING gin (to_tsvector('english', search_text))",
)
POSTGRES_SEARCH_DROP = ("DROP INDEX ix_community_services_search_text",)


def _id(table: str) -> list[sa.Column[str] | sa.PrimaryKeyConstraint]:
    return [
        sa.Column("id", sa.String(length=UUID), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    ]


def _texts(*names: str) -> list[sa.Column[str]]:
    return [sa.Column(name, sa.Text(), nullable=False) for name in names]


def _strings(length: int, *names: str) -> list[sa.Column[str]]:
    return [sa.Column(name, sa.String(length=length), nullable=False) for name in names]


def _service_child() -> list[sa.Column[str] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("service_id", sa.String(length=UUID), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["community_services.id"],
            ondelete="CASCADE",
        ),
    ]


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def upgrade() -> None:
    """Create the directory's tables and its full-text index."""
    _directory_tables()
    _service_tables()
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_SEARCH if sqlite else POSTGRES_SEARCH:
        op.execute(statement)
    _referrals()


def _directory_tables() -> None:
    op.create_table(
        "community_taxonomies",
        *_id("community_taxonomies"),
        *_strings(NAME, "name"),
        *_texts("description"),
        *_strings(URL, "uri"),
        *_strings(NAME, "version"),
    )
    op.create_table(
        "community_taxonomy_terms",
        *_id("community_taxonomy_terms"),
        sa.Column("taxonomy_id", sa.String(length=UUID), nullable=True),
        sa.Column("parent_id", sa.String(length=UUID), nullable=True),
        *_strings(NAME, "name"),
        *_texts("description"),
        *_strings(NAME, "code", "taxonomy"),
        *_strings(URL, "term_uri"),
    )
    _index("community_taxonomy_terms", "taxonomy_id", "parent_id")
    _organizations_and_locations()


def _organizations_and_locations() -> None:
    op.create_table(
        "community_organizations",
        *_id("community_organizations"),
        *_strings(NAME, "name"),
        *_texts("description"),
        *_strings(EMAIL, "email"),
        *_strings(URL, "website", "logo", "uri"),
        sa.Column("parent_organization_id", sa.String(length=UUID), nullable=True),
        sa.Column("identifiers", sa.JSON(), nullable=False),
    )
    _index("community_organizations", "name")
    op.create_table(
        "community_locations",
        *_id("community_locations"),
        *_strings(CODE, "location_type"),
        *_strings(NAME, "name"),
        *_texts("description"),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        *_strings(NAME, "external_identifier", "external_identifier_type", "postal_code"),
        sa.Column("addresses", sa.JSON(), nullable=False),
        sa.Column("accessibility", sa.JSON(), nullable=False),
    )
    _index("community_locations", "latitude", "postal_code")


def _service_tables() -> None:
    op.create_table(
        "community_services",
        *_id("community_services"),
        sa.Column("organization_id", sa.String(length=UUID), nullable=False),
        *_strings(NAME, "name"),
        *_texts("description"),
        *_strings(CODE, "status"),
        *_strings(URL, "url"),
        *_strings(EMAIL, "email"),
        *_texts("fees_description", "accreditations", "eligibility_description"),
        sa.Column("minimum_age", sa.Float(), nullable=True),
        sa.Column("maximum_age", sa.Float(), nullable=True),
        *_texts("alert"),
        sa.Column("assured_date", sa.Date(), nullable=True),
        *_strings(EMAIL, "assurer_email"),
        sa.Column("last_modified", sa.DateTime(), nullable=True),
        *_texts("search_text"),
        *(
            sa.Column(name, sa.JSON(), nullable=False)
            for name in ("contacts", "cost_options", "languages", "service_areas", "funding")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["community_organizations.id"],
        ),
    )
    _index("community_services", "organization_id", "name", "status")
    _service_children()


def _service_children() -> None:
    op.create_table(
        "community_service_at_locations",
        *_id("community_service_at_locations"),
        *_service_child(),
        sa.Column("location_id", sa.String(length=UUID), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["community_locations.id"],
        ),
    )
    _index("community_service_at_locations", "service_id", "location_id")
    _schedules()
    op.create_table(
        "community_service_terms",
        *_id("community_service_terms"),
        *_service_child(),
        sa.Column("taxonomy_term_id", sa.String(length=UUID), nullable=False),
        *_strings(NAME, "link_type"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["taxonomy_term_id"],
            ["community_taxonomy_terms.id"],
        ),
    )
    _index("community_service_terms", "service_id", "taxonomy_term_id")


def _schedules() -> None:
    op.create_table(
        "community_schedules",
        *_id("community_schedules"),
        *_service_child(),
        sa.Column("service_at_location_id", sa.String(length=UUID), nullable=True),
        sa.Column("freq", sa.String(length=CODE), nullable=True),
        sa.Column("interval", sa.Integer(), nullable=False),
        *_strings(NAME, "byday", "bymonthday"),
        *(
            sa.Column(name, sa.Date(), nullable=True)
            for name in ("dtstart", "valid_from", "valid_to")
        ),
        sa.Column("opens_at", sa.Time(), nullable=True),
        sa.Column("closes_at", sa.Time(), nullable=True),
        sa.Column("weekday_mask", sa.Integer(), nullable=False),
        *_texts("description", "notes"),
        *_strings(NAME, "attending_type"),
        *_strings(URL, "schedule_link"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_at_location_id"],
            ["community_service_at_locations.id"],
            ondelete="CASCADE",
        ),
    )
    _index("community_schedules", "service_id")


def _referrals() -> None:
    op.create_table(
        "community_referrals",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.String(length=32), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        *_strings(CODE, "source"),
        *_texts("reason"),
        *_strings(120, "referrer"),
        sa.Column("link_worker_id", sa.String(length=32), nullable=True),
        sa.Column("first_contact_on", sa.Date(), nullable=True),
        *_texts("what_matters"),
        sa.Column("declined_on", sa.Date(), nullable=True),
        *_texts("declined_reason"),
        sa.Column("closed_on", sa.Date(), nullable=True),
        *(
            sa.Column(name, sa.JSON(), nullable=False)
            for name in ("plan", "follow_ups", "wellbeing")
        ),
        sa.PrimaryKeyConstraint("id", name="pk_community_referrals"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
    )
    _index("community_referrals", "person_id", "link_worker_id")


def downgrade() -> None:
    """Drop the full-text index and the directory's tables."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_SEARCH_DROP if sqlite else POSTGRES_SEARCH_DROP:
        op.execute(statement)
    for table in (
        "community_referrals",
        "community_service_terms",
        "community_schedules",
        "community_service_at_locations",
        "community_services",
        "community_locations",
        "community_organizations",
        "community_taxonomy_terms",
        "community_taxonomies",
    ):
        op.drop_table(table)
