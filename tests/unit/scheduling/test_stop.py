"""Stopping criteria: exact iteration counts, progress, combination and validation."""

from __future__ import annotations

import pytest

from careweave.scheduling.stop import FirstOf, MaxIterations, MaxRuntime, NoImprovement


def test_max_iterations_allows_exactly_n_calls() -> None:
    stop = MaxIterations(3)
    answers = [stop(0.0) for _ in range(5)]
    assert answers == [False, False, False, True, True]
    assert stop.progress() == 1.0


def test_max_runtime_stops_after_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([100.0, 100.0, 100.5, 100.5, 101.0])
    monkeypatch.setattr("careweave.scheduling.stop.time.perf_counter", lambda: next(clock))
    stop = MaxRuntime(1.0)
    assert stop.progress() == 0.0
    assert stop(0.0) is False
    assert stop.progress() == pytest.approx(0.5)
    assert stop(0.0) is False
    assert stop(0.0) is True


def test_no_improvement_counts_only_calls_without_a_better_cost() -> None:
    stop = NoImprovement(2)
    assert [stop(c) for c in (10.0, 10.0, 9.0, 9.0, 9.0)] == [False] * 5
    assert stop(9.0) is True
    assert stop.progress() == 1.0


def test_first_of_stops_when_any_criterion_does_and_reports_the_largest_progress() -> None:
    stop = FirstOf(MaxIterations(2), NoImprovement(100))
    assert [stop(1.0) for _ in range(3)] == [False, False, True]
    assert stop.progress() == 1.0


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: MaxRuntime(0), "seconds"),
        (lambda: MaxIterations(0), "iterations"),
        (lambda: NoImprovement(-1), "iterations"),
        (lambda: FirstOf(), "criteria"),
    ],
)
def test_bad_budgets_are_refused_naming_the_field(make, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        make()
