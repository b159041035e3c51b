"""Stopping criteria for the roster search.

A stopping criterion is any object with ``__call__(best_cost) -> bool`` (``True`` means stop) and
``progress() -> float`` (how much of its budget is used, 0 to 1, which the search uses to cool its
temperature). The search calls a criterion exactly once per iteration, so iteration counts are exact.
"""

from __future__ import annotations

import time
from typing import Protocol


class StoppingCriterion(Protocol):
    """When to stop the search."""

    def __call__(self, best_cost: float) -> bool:
        """Return ``True`` when the search should stop, given the best cost found so far."""
        ...

    def progress(self) -> float:
        """Return the share of the budget used so far, between 0 and 1."""
        ...


def _positive(name: str, value: float) -> None:
    if not value > 0:
        raise ValueError(f"{name}: must be greater than 0, got {value!r}")


class MaxRuntime:
    """Stop once ``seconds`` of wall-clock time have passed since the first call.

    Parameters
    ----------
    seconds
        Time budget in seconds, greater than 0.
    """

    def __init__(self, seconds: float) -> None:
        _positive("seconds", seconds)
        self.seconds = float(seconds)
        self._started: float | None = None

    def __call__(self, best_cost: float) -> bool:  # noqa: ARG002 - part of the protocol
        """Return ``True`` once the time budget is spent."""
        if self._started is None:
            self._started = time.perf_counter()
        return time.perf_counter() - self._started >= self.seconds

    def progress(self) -> float:
        """Return the share of the time budget used."""
        if self._started is None:
            return 0.0
        return min(1.0, (time.perf_counter() - self._started) / self.seconds)


class MaxIterations:
    """Stop after ``iterations`` calls.

    Parameters
    ----------
    iterations
        Number of iterations allowed, at least 1.
    """

    def __init__(self, iterations: int) -> None:
        _positive("iterations", iterations)
        self.iterations = int(iterations)
        self._done = 0

    def __call__(self, best_cost: float) -> bool:  # noqa: ARG002 - part of the protocol
        """Return ``True`` once ``iterations`` calls have been made before this one."""
        if self._done >= self.iterations:
            return True
        self._done += 1
        return False

    def progress(self) -> float:
        """Return the share of the iterations used."""
        return self._done / self.iterations


class NoImprovement:
    """Stop after ``iterations`` consecutive calls without a better best cost.

    Parameters
    ----------
    iterations
        Number of consecutive non-improving iterations allowed, at least 1.
    """

    def __init__(self, iterations: int) -> None:
        _positive("iterations", iterations)
        self.iterations = int(iterations)
        self._best = float("inf")
        self._since = 0

    def __call__(self, best_cost: float) -> bool:
        """Return ``True`` once the best cost has not improved for ``iterations`` calls."""
        if best_cost < self._best:
            self._best = best_cost
            self._since = 0
            return False
        self._since += 1
        return self._since > self.iterations

    def progress(self) -> float:
        """Return the share of the non-improving allowance used (falls back to 0 on improvement)."""
        return min(1.0, self._since / self.iterations)


class FirstOf:
    """Stop as soon as any of the given criteria says stop.

    Parameters
    ----------
    criteria
        One or more stopping criteria; each is called on every iteration.
    """

    def __init__(self, *criteria: StoppingCriterion) -> None:
        if not criteria:
            raise ValueError("criteria: give at least one stopping criterion")
        self.criteria = criteria

    def __call__(self, best_cost: float) -> bool:
        """Return ``True`` when any criterion says stop (every criterion is still called)."""
        answers = [criterion(best_cost) for criterion in self.criteria]
        return any(answers)

    def progress(self) -> float:
        """Return the largest progress of the criteria."""
        return max(criterion.progress() for criterion in self.criteria)
