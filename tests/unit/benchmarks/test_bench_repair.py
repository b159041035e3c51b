"""The repair suite's pieces: who goes sick, and how a measured repair is tabled."""

from __future__ import annotations

from benchmarks.repair_run import busiest_worker
from benchmarks.repair_suite import _row

from careweave.scheduling.solution import Roster, Route, Stop


def test_busiest_worker_of_the_day_ties_broken_by_id() -> None:
    roster = Roster(
        routes=(
            Route("w2", 2, (Stop("a", 480.0), Stop("b", 540.0))),
            Route("w1", 2, (Stop("c", 480.0), Stop("d", 540.0))),
            Route("w3", 1, (Stop("e", 480.0), Stop("f", 540.0), Stop("g", 600.0))),
        )
    )
    assert busiest_worker(roster, 2) == "w1"
    assert busiest_worker(roster, 1) == "w3"


def test_row_meets_target_only_when_feasible_within_two_seconds() -> None:
    out = {
        "people": 60,
        "workers": 12,
        "visits": 900,
        "published_feasible": True,
        "sick_worker": "w4",
        "freed_visits": 14,
        "repair_seconds": 1.9,
        "feasible": True,
        "violations": 0,
        "changed_worker": 14,
        "changes": 30,
        "unassigned": 5,
        "published_unassigned": 3,
    }
    assert _row(out)[-1] == "yes"
    assert _row(out)[-2] == "5 (3)"
    assert _row({**out, "repair_seconds": 2.5})[-1] == "no"
    assert _row({**out, "feasible": False, "violations": 2})[7] == "no (2 broken rules)"
