"""The ledger: balanced transactions, reversals, no pooling, balances as a replay of the journal
(with Hypothesis properties)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.commissioning_strategies import ACCOUNTS, apply, operations, some_accounts

from careweave.domain.commissioning.ledger import (
    Account,
    AccountKind,
    Line,
    Transaction,
    Unit,
    check_postable,
    replay,
    totals,
    transfer,
)
from careweave.domain.errors import DomainValidationError

DAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
FUNDING = Account("funding:pence", AccountKind.FUNDING, Unit.PENCE, "Council")
ANNS = Account("budget:ann", AccountKind.BUDGET, Unit.PENCE, "Ann's budget", "ann")
BENS = Account("budget:ben", AccountKind.BUDGET, Unit.PENCE, "Ben's budget", "ben")
HOURS = Account("time_bank:ann", AccountKind.TIME_BANK, Unit.MINUTES, "Ann's hours", "ann")
BY_ID = {a.id: a for a in (FUNDING, ANNS, BENS, HOURS)}


def a_transaction(*lines: Line) -> Transaction:
    return Transaction(DAY, NOW, "test", tuple(lines))


def test_a_transfer_balances_and_its_reversal_undoes_it() -> None:
    made = transfer(FUNDING, ANNS, 5_000, booked_on=DAY, posted_at=NOW, memo="allocate")
    undone = made.reversal(NOW, DAY, "wrong person", "Pat")

    assert totals(made.lines) == {Unit.PENCE: 0}
    assert replay([made]) == {FUNDING.id: -5_000, ANNS.id: 5_000}
    assert replay([made, undone]) == {FUNDING.id: 0, ANNS.id: 0}
    assert undone.reverses == made.id


def test_a_reversal_is_not_reversed_again() -> None:
    made = transfer(FUNDING, ANNS, 5_000, booked_on=DAY, posted_at=NOW, memo="allocate")

    with pytest.raises(DomainValidationError):
        made.reversal(NOW, DAY, "x", "Pat").reversal(NOW, DAY, "y", "Pat")


@pytest.mark.parametrize(
    "lines",
    [
        (Line("a", Unit.PENCE, 5), Line("b", Unit.PENCE, -4)),
        (Line("a", Unit.PENCE, 5), Line("b", Unit.MINUTES, -5)),
        (Line("a", Unit.PENCE, 5),),
        (Line("a", Unit.PENCE, 5), Line("a", Unit.PENCE, -5)),
    ],
    ids=["unbalanced", "units-cross", "one-line", "same-account"],
)
def test_what_does_not_balance_is_refused(lines: tuple[Line, ...]) -> None:
    with pytest.raises(DomainValidationError) as caught:
        a_transaction(*lines)
    assert caught.value.field == "lines"


@pytest.mark.parametrize("amount", [0, 1.5, True, 10**13])
def test_amounts_are_whole_non_zero_and_bounded(amount: object) -> None:
    with pytest.raises(DomainValidationError):
        Line("a", Unit.PENCE, amount)  # type: ignore[arg-type]


def test_two_peoples_money_is_never_pooled() -> None:
    pooled = transfer(ANNS, BENS, 100, booked_on=DAY, posted_at=NOW, memo="share")

    with pytest.raises(DomainValidationError, match="never pooled"):
        check_postable(pooled, BY_ID)


def test_a_line_must_count_its_accounts_unit() -> None:
    wrong = a_transaction(Line(HOURS.id, Unit.PENCE, 60), Line(FUNDING.id, Unit.PENCE, -60))

    with pytest.raises(DomainValidationError) as caught:
        check_postable(wrong, BY_ID)
    assert caught.value.field == "lines.unit"


def test_only_budgets_and_time_banks_belong_to_a_person() -> None:
    with pytest.raises(DomainValidationError):
        Account("provider:x", AccountKind.PROVIDER, Unit.PENCE, "X", person_id="ann")
    with pytest.raises(DomainValidationError):
        Account("budget:x", AccountKind.BUDGET, Unit.PENCE, "X")
    with pytest.raises(DomainValidationError):
        Account("time_bank:x", AccountKind.TIME_BANK, Unit.PENCE, "X", person_id="ann")


amounts = st.integers(-(10**12), 10**12)
units = st.sampled_from(list(Unit))
line_specs = st.lists(st.tuples(st.sampled_from("abcdef"), units, amounts), min_size=0, max_size=6)


@given(line_specs)
def test_every_transaction_that_exists_sums_to_zero_in_each_unit(
    specs: list[tuple[str, Unit, int]],
) -> None:
    try:
        made = a_transaction(*(Line(a, u, n) for a, u, n in specs))
    except DomainValidationError:
        return
    assert all(total == 0 for total in totals(made.lines).values())


class _Journal:
    """The smallest ledger: a list of transactions."""

    def __init__(self) -> None:
        self.posted: list[Transaction] = []

    def post(self, transaction: Transaction) -> None:
        self.posted.append(transaction)

    def is_reversed(self, ident: str) -> bool:
        return any(t.reverses == ident for t in self.posted)


@given(operations)
def test_any_sequence_of_operations_leaves_balances_equal_to_a_replay(ops: list[object]) -> None:
    journal, accounts = _Journal(), some_accounts("p")

    model = apply(journal, accounts, ops)  # type: ignore[arg-type]

    replayed = replay(journal.posted)
    assert {a: n for a, n in replayed.items() if n} == {a: n for a, n in model.items() if n}
    assert sum(replayed.values()) == 0  # money is only ever moved, never made
    assert len(accounts) == ACCOUNTS
