"""The full-text index of services, built each database's own way.

* **SQLite**: an FTS5 table ``community_service_search`` (Porter stemming, accents folded), kept
  in step with ``community_services.search_text`` by triggers.
* **PostgreSQL**: a GIN index on ``to_tsvector('english', search_text)``.

Neither can be described by SQLAlchemy's metadata: migration ``0007_community`` creates them with
each database's own DDL, and schema comparisons skip the FTS5 table and its shadow tables (see
:func:`careweave.adapters.storage.migrate.include_name`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, Select, func, literal_column, select, text

from careweave.adapters.storage.community.tables import services

SEARCH_TABLE = "community_service_search"


def matching(dialect: str, words: Sequence[str]) -> ColumnElement[bool]:
    """A condition on ``community_services`` true where every word matches (the last one as
    the start of a word, so results keep up with typing). ``words`` come from
    :func:`careweave.domain.community.words.search_words`: letters and digits only."""
    if dialect == "sqlite":
        fts = " ".join(f'"{w}"' for w in words) + "*"
        hits: Select[tuple[str]] = (
            select(literal_column("service_id"))
            .select_from(text(SEARCH_TABLE))
            .where(literal_column(SEARCH_TABLE).op("MATCH")(fts))
        )
        return services.c.id.in_(hits)
    tsquery = " & ".join(words) + ":*"
    vector = func.to_tsvector(literal_column("'english'"), services.c.search_text)
    # As a subquery, so the planner answers it from the GIN index once, whatever order the
    # outer query walks the services in (joined to places and sorted by distance, it otherwise
    # computed the vector of every service it passed).
    hits = select(services.c.id).where(
        vector.op("@@")(func.to_tsquery(literal_column("'english'"), tsquery))
    )
    return services.c.id.in_(hits)


def search_text(*parts: str) -> str:
    """What is indexed for a service: its name, description, organisation and terms."""
    return "\n".join(part for part in parts if part)
