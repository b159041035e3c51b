"""Engine construction: driver choice for PostgreSQL URLs (no connection is made)."""

from __future__ import annotations

from careweave.adapters.storage.database import make_engine


def test_a_plain_postgresql_url_gets_the_psycopg_3_driver():
    engine = make_engine("postgresql://care@db.example:5432/careweave")
    assert engine.dialect.driver == "psycopg"
    assert engine.url.database == "careweave"


def test_an_explicit_psycopg_url_is_kept():
    engine = make_engine("postgresql+psycopg://care@db.example/careweave")
    assert engine.dialect.driver == "psycopg"
