"""The SQL ledger on SQLite and PostgreSQL: balances summed by the database equal a replay of
the journal (Hypothesis), a transaction is reversed once and a source posted once, and the
journal refuses UPDATE and DELETE."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError
from tests.commissioning_strategies import START, apply, operations, some_accounts

from careweave.adapters.storage.commissioning.ledger import SqlLedger
from careweave.adapters.storage.uow import SqlUnitOfWork
from careweave.domain.commissioning.ledger import replay, transfer
from careweave.domain.errors import ConflictError

Factory = Callable[[], SqlUnitOfWork]
_examples = itertools.count()


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations)
def test_balances_the_database_sums_equal_a_replay_of_the_journal(
    uow_factory: Factory, ops: list[object]
) -> None:
    accounts = some_accounts(f"example-{next(_examples)}")
    with uow_factory() as uow:
        for account in accounts:
            uow.ledger.add_account(account)
        model = apply(uow.ledger, accounts, ops)  # type: ignore[arg-type]
        uow.commit()
    ids = [a.id for a in accounts]
    with uow_factory() as uow:
        summed = uow.ledger.balances(ids)
        journal = [t for t in uow.ledger.journal() if t.lines[0].account_id in ids]
    replayed = replay(journal)
    assert summed == {i: replayed.get(i, 0) for i in ids} == {i: model.get(i, 0) for i in ids}
    assert sum(summed.values()) == 0


def _two_accounts(uow_factory: Factory) -> tuple[str, str, str]:
    source, target = some_accounts("pair")[:2]
    made = transfer(
        source, target, 500, booked_on=START.date(), posted_at=START, memo="x", key="k1"
    )
    with uow_factory() as uow:
        uow.ledger.add_account(source)
        uow.ledger.add_account(target)
        uow.ledger.post(made)
        uow.commit()
    return source.id, target.id, made.id


def test_a_source_is_posted_once_and_a_transaction_reversed_once(uow_factory: Factory) -> None:
    source_id, target_id, made_id = _two_accounts(uow_factory)
    with uow_factory() as uow:
        made = uow.ledger.get_transaction(made_id)
        again = made.reversal(START, START.date(), "undo", "t")
        duplicate = transfer(
            *uow.ledger.accounts([source_id, target_id]).values(),
            1,
            booked_on=START.date(),
            posted_at=START,
            memo="y",
            key="k1",
        )
        with pytest.raises(ConflictError):
            uow.ledger.post(duplicate)
        uow.ledger.post(again)
        with pytest.raises(ConflictError):
            uow.ledger.post(made.reversal(START, START.date(), "twice", "t"))
        assert uow.ledger.is_reversed(made_id)
        assert uow.ledger.posted_sources(["k1", "k2"]) == {"k1"}
        assert uow.ledger.balances([source_id, target_id]) == {source_id: 0, target_id: 0}
        uow.commit()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE cm_lines SET amount = amount + 1",
        "DELETE FROM cm_lines",
        "DELETE FROM cm_transactions",
    ],
)
def test_the_journal_refuses_update_and_delete(
    uow_factory: Factory, engine: Engine, statement: str
) -> None:
    _two_accounts(uow_factory)

    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement))


def test_the_ledger_has_no_way_to_change_or_remove_anything() -> None:
    readers = {"get_account", "find_account", "accounts", "list_accounts", "get_transaction"}
    readers |= {"is_reversed", "posted_sources", "journal", "balance", "balances"}
    public = {name for name in vars(SqlLedger) if not name.startswith("_")}

    assert public == readers | {"add_account", "post"}
