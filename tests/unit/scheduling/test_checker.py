"""The independent checker: figures computed by hand, one test per broken rule, properties."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from itertools import pairwise
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.shared_data import HHCRSP, needs_shared_data

from careweave.scheduling import (
    BreakRule,
    Link,
    Mode,
    Person,
    Problem,
    Roster,
    Route,
    Shift,
    Stop,
    Task,
    TravelMatrix,
    Weights,
    Worker,
    check,
    read_hhcrsp,
    roster_from_json,
)

needs_data = needs_shared_data

# Rosters at the best-known value of three instances (found by careweave's solver and frozen here),
# as caregiver -> [patient, service, start] in travel order.
BEST_KNOWN_ROSTERS: dict[str, dict[str, list[tuple[str, str, float]]]] = {
    "mankowska/InstanzCPLEX_HCSRP_10_1.json": {
        "c1": [
            ("p10", "s3", 148.0),
            ("p3", "s2", 247.0),
            ("p5", "s3", 314.151),
            ("p9", "s1", 356.044),
            ("p7", "s3", 434.0),
        ],
        "c2": [
            ("p8", "s6", 46.0),
        ],
        "c3": [
            ("p8", "s5", 46.0),
            ("p10", "s6", 159.161),
            ("p6", "s5", 224.083),
            ("p2", "s5", 291.121),
            ("p1", "s4", 345.0),
            ("p9", "s4", 416.454),
            ("p4", "s4", 458.879),
        ],
    },
    "mankowska/InstanzCPLEX_HCSRP_10_2.json": {
        "c1": [
            ("p9", "s1", 27.203),
            ("p2", "s1", 252.0),
            ("p3", "s3", 346.295),
            ("p7", "s1", 367.925),
            ("p10", "s3", 416.621),
            ("p4", "s2", 475.002),
            ("p6", "s1", 500.32),
        ],
        "c2": [
            ("p1", "s5", 37.216),
            ("p8", "s4", 112.282),
            ("p10", "s5", 465.621),
        ],
        "c3": [
            ("p9", "s6", 63.203),
            ("p8", "s5", 112.282),
            ("p5", "s4", 309.0),
        ],
    },
    "kummer/HHCRSP_25_5_22_1.0_C_C.json": {
        "c1": [
            ("p22", "s2", 501.0),
            ("p15", "s2", 562.0),
            ("p18", "s3", 642.0),
            ("p12", "s2", 684.0),
            ("p19", "s2", 731.0),
            ("p25", "s2", 803.0),
            ("p5", "s2", 850.0),
            ("p23", "s2", 896.0),
            ("p16", "s2", 923.0),
            ("p8", "s2", 982.0),
            ("p14", "s2", 1046.0),
            ("p4", "s2", 1087.0),
            ("p24", "s2", 1148.0),
            ("p20", "s2", 1213.0),
        ],
        "c2": [
            ("p9", "s1", 560.0),
            ("p21", "s1", 600.0),
            ("p1", "s1", 669.0),
            ("p10", "s1", 840.0),
            ("p7", "s1", 956.0),
        ],
        "c3": [
            ("p15", "s6", 562.0),
            ("p18", "s6", 658.0),
            ("p11", "s6", 700.0),
            ("p5", "s6", 865.0),
            ("p7", "s6", 956.0),
        ],
        "c4": [
            ("p22", "s5", 512.0),
            ("p2", "s5", 581.0),
            ("p6", "s5", 658.0),
            ("p3", "s5", 722.0),
            ("p17", "s5", 764.0),
            ("p25", "s5", 816.0),
            ("p23", "s5", 896.0),
            ("p13", "s5", 939.0),
            ("p14", "s6", 1046.0),
        ],
    },
}

# "two visits": a base (0), Ann (1) and Bob (2).
MATRIX = [[0, 10, 20], [10, 0, 15], [20, 15, 0]]


def worker(ident: str, **changes: Any) -> Worker:
    return replace(
        Worker(ident, skills=frozenset({"care"}), shifts=(Shift(0, 480, 1020),)), **changes
    )


def task(ident: str, person: str, location: int, earliest: float, **changes: Any) -> Task:
    base = Task(
        ident, person, location, 0, earliest, earliest + 60, 30, 30, skills=frozenset({"care"})
    )
    return replace(base, **changes)


def two_visits(**changes: Any) -> Problem:
    fields: dict[str, Any] = {
        "workers": (worker("w1"), worker("w2", skills=frozenset({"care", "hoist"}))),
        "tasks": (task("t1", "ann", 1, 540), task("t2", "bob", 2, 600)),
        "travel": {"drive": TravelMatrix(np.array(MATRIX, dtype=float))},
        "people": (Person("ann"), Person("bob")),
    }
    fields.update(changes)
    return Problem(**fields)


def one_route(*stops: tuple[str, float], worker_id: str = "w1", day: int = 0) -> Roster:
    return Roster((Route(worker_id, day, tuple(Stop(t, s) for t, s in stops)),))


def test_a_feasible_route_and_its_figures_by_hand() -> None:
    report = check(two_visits(), one_route(("t1", 540), ("t2", 600)))
    assert report.feasible, report.violations
    figures = report.figures
    assert figures.distance == 45  # base->Ann 10 + Ann->Bob 15 + Bob->base 20
    assert figures.travel_minutes == 45
    assert figures.paid_minutes == 120  # leaves 530 (540 - 10), back 650 (630 + 20)
    assert figures.service_minutes == 60
    assert figures.waiting_minutes == 15  # t1 ends 570, arrives at Bob 585, starts 600
    assert figures.travel_share == pytest.approx(45 / 120)
    assert figures.total_tardiness == 0
    assert figures.unassigned == 0
    assert figures.distinct_workers == {"ann": 1, "bob": 1}
    assert figures.imbalance_minutes == 120  # w1 worked 120, w2 nothing
    # Default weights: travel 1/min, imbalance 0.1/min.
    assert figures.weighted_total == pytest.approx(45 + 0.1 * 120)
    assert pickle.loads(pickle.dumps(report)) == report
    plain = json.loads(json.dumps(report.as_dict()))
    assert plain["feasible"] is True
    assert plain["distinct_workers"] == {"ann": 1, "bob": 1}
    assert plain["unassigned_by_priority"] == {"1": 0, "2": 0, "3": 0, "4": 0}
    assert plain["violations"] == []


@pytest.mark.parametrize(
    ("problem_changes", "roster", "rule", "message"),
    [
        (
            {},
            one_route(("t1", 540), ("t2", 580)),
            "travel",
            "visit t2: starts at 580 but worker w1 cannot be there before 585",
        ),
        (
            {},
            one_route(("t1", 530), ("t2", 600)),
            "window",
            "visit t1: starts at 530, before its window opens at 540",
        ),
        (
            {
                "tasks": (
                    task("t1", "ann", 1, 540, skills=frozenset({"hoist"})),
                    task("t2", "bob", 2, 600),
                )
            },
            one_route(("t1", 540), ("t2", 600)),
            "skills",
            "visit t1: needs hoist, which worker w1 lacks",
        ),
        (
            {
                "tasks": (
                    task("t1", "ann", 1, 540, excluded=frozenset({"w1"})),
                    task("t2", "bob", 2, 600),
                )
            },
            one_route(("t1", 540), ("t2", 600)),
            "exclusion",
            "visit t1: worker w1 is excluded from it",
        ),
        (
            {"tasks": (task("t1", "ann", 1, 540, pinned="w2"), task("t2", "bob", 2, 600))},
            one_route(("t1", 540), ("t2", 600)),
            "pin",
            "visit t1: is pinned to worker w2, not w1",
        ),
        (
            {"tasks": (task("t1", "ann", 1, 540, priority=4), task("t2", "bob", 2, 600))},
            one_route(("t1", 601), ("t2", 646)),
            "late_critical",
            "visit t1: is critical and starts at 601, after its latest start 600",
        ),
        (
            {"workers": (worker("w1", shifts=(Shift(0, 535, 1020),)), worker("w2"))},
            one_route(("t1", 540), ("t2", 600)),
            "shift",
            "worker w1: leaves at 530 on day 0, before the shift starts at 535",
        ),
        (
            {"workers": (worker("w1", shifts=(Shift(0, 480, 640),)), worker("w2"))},
            one_route(("t1", 540), ("t2", 600)),
            "shift",
            "worker w1: gets back at 650 on day 0, after the shift ends at 640",
        ),
        (
            {"workers": (worker("w1", max_day_minutes=100), worker("w2"))},
            one_route(("t1", 540), ("t2", 600)),
            "max_day",
            "worker w1: works 120 min on day 0, above the 100 allowed",
        ),
        (
            {"workers": (worker("w1", max_week_minutes=90), worker("w2"))},
            one_route(("t1", 540), ("t2", 600)),
            "max_week",
            "worker w1: works 120 min in week 1, above the 90 allowed",
        ),
        (
            {"workers": (worker("w1", break_rule=BreakRule(after=100, length=20)), worker("w2"))},
            one_route(("t1", 540), ("t2", 600)),
            "break",
            "worker w1: works 120 min on day 0 with no break of 20 min (longest gap 15 min)",
        ),
        ({}, one_route(("t1", 540), ("t1", 600)), "duplicate", "visit t1: is assigned 2 times"),
        (
            {},
            one_route(("t1", 540)),
            "missing",
            "visit t2: is neither on a route nor listed unassigned",
        ),
        (
            {"tasks": (task("t1", "ann", 1, 540), task("t2", "bob", 2, 600, mandatory=True))},
            Roster((Route("w1", 0, (Stop("t1", 540),)),), unassigned=("t2",)),
            "unassigned",
            "visit t2: must be done but is not assigned",
        ),
        (
            {},
            one_route(("t1", 540), ("t9", 600)),
            "unknown_task",
            "visit t9: is not in the problem",
        ),
        (
            {},
            one_route(("t1", 540), ("t2", 600), worker_id="w7"),
            "unknown_worker",
            "worker w7: is not in the problem",
        ),
        (
            {},
            one_route(("t1", 540), ("t2", 600), day=1),
            "day",
            "visit t1: is on day 0 but on worker w1's day 1",
        ),
        (
            {"links": (Link("t1", "t2", 70, 90, distinct_workers=False),)},
            one_route(("t1", 540), ("t2", 600)),
            "link",
            "link t1 -> t2: t2 starts 60 min after t1; must be 70 to 90",
        ),
        (
            {"links": (Link("t1", "t2", 0, 90),)},
            one_route(("t1", 540), ("t2", 600)),
            "same_worker",
            "link t1 -> t2: both are done by worker w1",
        ),
        (
            {"links": (Link("t1", "t2", 0, 90),)},
            Roster((Route("w1", 0, (Stop("t1", 540),)),), unassigned=("t2",)),
            "half_assigned",
            "link t1 -> t2: only one half of the double-handed visit is assigned",
        ),
        (
            {"people": (Person("ann", time_bank_minutes=20), Person("bob"))},
            one_route(("t1", 540), ("t2", 600)),
            "time_bank",
            "person ann: gets 30 min of visits, above the time bank of 20",
        ),
    ],
)
def test_each_broken_rule_is_reported_naming_the_item(
    problem_changes: dict[str, Any], roster: Roster, rule: str, message: str
) -> None:
    report = check(two_visits(**problem_changes), roster)
    assert not report.feasible
    assert any(v.rule == rule and str(v).startswith(message) for v in report.violations), (
        report.violations
    )


def test_rest_between_days_and_two_routes_a_day() -> None:
    rested = worker("w1", shifts=(Shift(0, 0, 1440), Shift(1, 0, 1440)), min_rest_minutes=660)
    problem = two_visits(
        workers=(rested, worker("w2")),
        tasks=(task("t1", "ann", 1, 1300), replace(task("t2", "bob", 2, 300), day=1)),
    )
    roster = Roster((Route("w1", 0, (Stop("t1", 1300),)), Route("w1", 1, (Stop("t2", 300),))))
    (violation,) = check(problem, roster).violations
    # Back on day 0 at 1340 (1300 + 30 + 10); leaves on day 1 at 280: 100 + 280 = 380 min of rest.
    assert (
        str(violation)
        == "worker w1: rests 380 min between day 0 and day 1, less than the 660 required"
    )
    twice = Roster((Route("w1", 0, (Stop("t1", 540),)), Route("w1", 0, (Stop("t2", 600),))))
    assert [v.rule for v in check(two_visits(), twice).violations] == ["two_routes"]


def test_soft_figures_continuity_preferences_overtime_and_teams() -> None:
    problem = two_visits(
        mode=Mode.NEIGHBOURHOOD,
        workers=(
            worker(
                "w1", team="north", gender="male", contracted_week_minutes=100, cost_per_hour=12
            ),
            worker("w2", team="south"),
        ),
        tasks=(
            task("t1", "ann", 1, 540, preferred=frozenset({"w2"}), gender="female", team="south"),
            task("t2", "ann", 2, 600, language="pl", team="north", priority=1),
            task("t3", "ann", 2, 700, priority=3),
        ),
        people=(Person("ann", continuity_target=1, history={"w2": 5}), Person("bob")),
        weights=Weights(
            travel=1,
            tardiness=0,
            continuity_excess=100,
            non_regular=10,
            preference_miss=3,
            overtime=2,
            imbalance=0,
            cross_team=7,
            wage=1,
            unassigned=(5, 50, 500),
        ),
    )
    roster = Roster(
        (Route("w1", 0, (Stop("t1", 540), Stop("t2", 600))), Route("w2", 0, (Stop("t3", 700),))),
        unassigned=(),
    )
    figures = check(problem, roster).figures
    assert figures.distinct_workers == {"ann": 2}
    assert figures.continuity_excess == 1  # two workers, target one
    assert figures.non_regular_visits == 2  # t1 and t2 by w1, who has never visited Ann
    assert figures.preference_misses == 3  # t1: not w2 and not female; t2: w1 has no Polish
    assert figures.cross_team_visits == 1  # t1 is a south visit done by north's w1
    assert figures.overtime_minutes == 20  # w1 paid 120 min, contracted 100
    assert figures.wage_cost == 24  # 2 hours at 12
    # travel: w1 45 + w2 (20 + 20) = 85
    assert figures.travel_minutes == 85
    # travel 85 + continuity 100 + non-regular 2*10 + preferences 3*3 + overtime 20*2
    # + cross-team 7 + wage 24
    assert figures.weighted_total == 85 + 100 + 20 + 9 + 40 + 7 + 24

    dropped = Roster((Route("w1", 0, (Stop("t1", 540), Stop("t2", 600))),), unassigned=("t3",))
    figures = check(problem, dropped).figures
    assert figures.unassigned_by_priority == (0, 0, 1, 0)
    # travel 45 + t3 unassigned (priority 3) 500 + non-regular 20 + preferences 9
    # + overtime 40 + cross-team 7 + wage 24 (one worker now: no continuity excess)
    assert figures.weighted_total == 45 + 500 + 20 + 9 + 40 + 7 + 24


def _toy_routes(p2_start: float, p3_start: float) -> list[dict[str, Any]]:
    def visits(*items: tuple[str, str, float]) -> list[dict[str, Any]]:
        return [{"patient": p, "service": s, "start": t} for p, s, t in items]

    return [
        {
            "caregiver": "c1",
            "visits": visits(
                ("p3", "s2", p3_start), ("p4", "s2", 170), ("p5", "s1", 270), ("p6", "s1", 360)
            ),
        },
        {
            "caregiver": "c2",
            "visits": visits(("p2", "s3", p2_start), ("p5", "s3", 300), ("p6", "s3", 420)),
        },
        {"caregiver": "c3", "visits": visits(("p4", "s3", 170), ("p1", "s2", 240))},
    ]


@needs_data
def test_toy_roster_figures_by_hand() -> None:
    problem = read_hhcrsp(HHCRSP / "toy.json")
    # c1: 0->3 56, p3 (45 min); 3->4 54, p4/s2 at 170 (30); 4->5 19, p5/s1 at 270 (15);
    #     5->6 35, p6/s1 at 360 (45); 6->0 27.                      distance 191
    # c2: 0->2 34, p2 (20); 2->5 47, p5/s3 at 300 (30 after p5/s1); 5->6 35,
    #     p6/s3 at 420 (60 after p6/s1); 6->0 27.                   distance 143
    # c3: 0->4 7, p4/s3 at 170 with c1; 4->1 32, p1 at 240; 1->0 39. distance 78
    # Distance 191 + 143 + 78 = 412. On time: total_cost = 412 / 3.
    on_time = check(problem, roster_from_json(_toy_routes(120, 56), problem))
    assert on_time.feasible, on_time.violations
    assert on_time.figures.distance == 412
    assert on_time.figures.total_tardiness == 0
    assert on_time.figures.total_cost == pytest.approx(412 / 3)
    # p2 at 195 is 15 late (latest 180); p3 at 70 is 10 late (latest 60): c1 still reaches p4
    # at 70 + 45 + 54 = 169 <= 170. total_cost = (412 + 25 + 15) / 3 = 150.666...
    late = check(problem, roster_from_json(_toy_routes(195, 70), problem))
    assert late.feasible, late.violations
    assert late.figures.total_tardiness == 25
    assert late.figures.max_tardiness == 15
    assert late.figures.late_visits == 2
    assert late.figures.total_cost == pytest.approx(452 / 3)
    assert late.figures.weighted_total == late.figures.total_cost  # the HHCRSP weights are exact


@needs_data
def test_toy_roster_breaking_the_synchronisation_is_reported() -> None:
    problem = read_hhcrsp(HHCRSP / "toy.json")
    routes = _toy_routes(120, 56)
    routes[2]["visits"][0]["start"] = 175
    report = check(problem, roster_from_json(routes, problem))
    assert [str(v) for v in report.violations] == [
        "link p4/s2 -> p4/s3: p4/s3 starts 5 min after p4/s2; must be 0 to 0"
    ]


def _greedy(raw: dict[str, Any]) -> list[dict[str, Any]]:
    """A plain greedy HHCRSP roster built straight from the raw JSON, for checking distances."""
    dist = raw["distances"]
    state = {c["id"]: (0.0, 0) for c in raw["caregivers"]}  # time free, location
    able = {c["id"]: set(c["abilities"]) for c in raw["caregivers"]}
    routes: dict[str, list[dict[str, Any]]] = {c["id"]: [] for c in raw["caregivers"]}
    order = sorted(range(len(raw["patients"])), key=lambda i: raw["patients"][i]["time_window"][0])
    for i in order:
        patient = raw["patients"][i]
        loc, earliest = i + 1, patient["time_window"][0]
        needs = patient["required_caregivers"]

        def arrive(c: str, loc: int = loc) -> float:
            return state[c][0] + dist[state[c][1]][loc]

        chosen: list[str] = []
        for need in needs:
            options = [c for c in state if need["service"] in able[c] and c not in chosen]
            chosen.append(min(options, key=arrive))
        starts = [max(arrive(c), earliest) for c in chosen]
        sync = patient.get("synchronization")
        if sync and sync["type"] == "simultaneous":
            starts = [max(starts)] * 2
        elif sync:
            low, high = sync["distance"]
            starts[1] = max(starts[1], starts[0] + low)
            starts[0] = max(starts[0], starts[1] - high)
        for c, need, start in zip(chosen, needs, starts, strict=True):
            routes[c].append({"patient": patient["id"], "service": need["service"], "start": start})
            state[c] = (start + need["duration"], loc)
    return [{"caregiver": c, "visits": v} for c, v in routes.items() if v]


def _hand_distance(raw: dict[str, Any], routes: list[dict[str, Any]]) -> float:
    index = {p["id"]: i + 1 for i, p in enumerate(raw["patients"])}
    total = 0.0
    for route in routes:
        path = [0, *(index[v["patient"]] for v in route["visits"]), 0]
        total += sum(raw["distances"][a][b] for a, b in pairwise(path))
    return total


@needs_data
@pytest.mark.parametrize(
    "name", ["mankowska/InstanzCPLEX_HCSRP_10_1.json", "kummer/HHCRSP_10_3_16_1.6_C_C.json"]
)
def test_greedy_roster_distance_equals_the_matrix_sum(name: str) -> None:
    path = HHCRSP / name
    raw = json.loads(path.read_text(encoding="utf-8"))
    problem = read_hhcrsp(path)
    routes = _greedy(raw)
    report = check(problem, roster_from_json(routes, problem))
    assert report.feasible, report.violations[:3]
    assert report.figures.distance == pytest.approx(_hand_distance(raw, routes), abs=1e-9)
    tardiness = [
        max(0.0, v["start"] - raw["patients"][int(v["patient"][1:]) - 1]["time_window"][1])
        for route in routes
        for v in route["visits"]
    ]
    assert report.figures.total_tardiness == pytest.approx(sum(tardiness))
    assert report.figures.max_tardiness == pytest.approx(max(tardiness))
    expected = (report.figures.distance + sum(tardiness) + max(tardiness)) / 3
    assert report.figures.total_cost == pytest.approx(expected)


@st.composite
def random_case(draw: st.DrawFn) -> tuple[Problem, Roster, float]:
    """A random problem and a roster built stop by stop, waiting a random while before each."""
    size = draw(st.integers(2, 6))
    cells = st.integers(0, 60)
    matrix = np.array(
        [[0 if i == j else draw(cells) for j in range(size)] for i in range(size)], dtype=float
    )
    workers = tuple(
        worker(f"w{i}", start_location=draw(st.integers(0, size - 1)))
        for i in range(draw(st.integers(1, 3)))
    )
    n_tasks = draw(st.integers(1, 8))
    free = {w.id: (480.0, w.start_location) for w in workers}
    stops: dict[str, list[Stop]] = {w.id: [] for w in workers}
    tasks, distance = [], 0.0
    for k in range(n_tasks):
        who = draw(st.sampled_from(workers)).id
        loc = draw(st.integers(0, size - 1))
        time, here = free[who]
        start = time + matrix[here, loc] + draw(st.integers(0, 30))
        earliest = start - draw(st.integers(0, 20))
        duration = float(draw(st.integers(0, 40)))
        tasks.append(
            Task(
                f"t{k}",
                "p",
                loc,
                0,
                earliest,
                earliest + 30,
                duration,
                duration,
                frozenset({"care"}),
            )
        )
        stops[who].append(Stop(f"t{k}", start))
        distance += matrix[here, loc]
        free[who] = (start + duration, loc)
    distance += sum(
        matrix[loc, next(w for w in workers if w.id == who).end_location]
        for who, (_, loc) in free.items()
        if stops[who]
    )
    problem = Problem(
        workers=tuple(replace(w, shifts=(Shift(0, 0, 100_000),)) for w in workers),
        tasks=tuple(tasks),
        travel={"drive": TravelMatrix(matrix)},
        people=(Person("p"),),
    )
    roster = Roster(tuple(Route(w, 0, tuple(s)) for w, s in stops.items() if s))
    return problem, roster, distance


@settings(max_examples=60, deadline=None)
@given(random_case())
def test_a_sequential_roster_with_waits_is_feasible_with_the_summed_distance(
    case: tuple[Problem, Roster, float],
) -> None:
    problem, roster, distance = case
    report = check(problem, roster)
    assert report.feasible, report.violations
    assert report.figures.distance == pytest.approx(distance)
    assert report.figures.waiting_minutes >= -1e-9


@settings(max_examples=60, deadline=None)
@given(random_case(), st.data())
def test_pulling_a_start_before_the_worker_can_arrive_is_reported(
    case: tuple[Problem, Roster, float], data: st.DataObject
) -> None:
    problem, roster, _ = case
    long_routes = [r for r in roster.routes if len(r.stops) >= 2]
    if not long_routes:
        return
    route = data.draw(st.sampled_from(long_routes))
    k = data.draw(st.integers(1, len(route.stops) - 1))
    before, moved = problem.task(route.stops[k - 1].task_id), route.stops[k]
    matrix = problem.travel["drive"].minutes
    ready = (
        route.stops[k - 1].start
        + before.duration_min
        + matrix[before.location, problem.task(moved.task_id).location]
    )
    stops = list(route.stops)
    stops[k] = Stop(moved.task_id, ready - data.draw(st.floats(0.01, 30)))
    routes = tuple(replace(r, stops=tuple(stops)) if r is route else r for r in roster.routes)
    report = check(problem, Roster(routes))
    assert any(v.rule == "travel" and v.item == f"visit {moved.task_id}" for v in report.violations)


def _best_known_row(name: str) -> dict[str, float]:
    """The best-known row of ``name`` in the shared ``*_best.md`` table of its family."""
    family, file = name.split("/")
    for line in (HHCRSP / f"{family}_best.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] == file:
            keys = ("distance", "max_tardiness", "total_tardiness", "total_cost")
            return dict(zip(keys, map(float, cells[1:5]), strict=True))
    raise AssertionError(f"{file} is not in {family}_best.md")


@needs_data
@pytest.mark.parametrize("name", sorted(BEST_KNOWN_ROSTERS))
def test_rosters_at_the_best_known_value_reproduce_the_published_figures(name: str) -> None:
    problem = read_hhcrsp(HHCRSP / name)
    routes = [
        {"caregiver": c, "visits": [{"patient": p, "service": s, "start": t} for p, s, t in visits]}
        for c, visits in BEST_KNOWN_ROSTERS[name].items()
    ]
    report = check(problem, roster_from_json(routes, problem))
    assert report.feasible, report.violations
    best = _best_known_row(name)  # published to three decimals
    for figure, value in best.items():
        assert getattr(report.figures, figure) == pytest.approx(value, abs=1e-3), figure


# A split shift: 07:00-11:00 and 17:00-22:00 on day 0, one visit in each half.
SPLIT = (Shift(0, 420, 660), Shift(0, 1020, 1320))


def split_day(**worker_changes: Any) -> Problem:
    return two_visits(
        workers=(worker("w1", shifts=SPLIT, **worker_changes), worker("w2")),
        tasks=(task("t1", "ann", 1, 480), task("t2", "bob", 2, 1080)),
    )


def halves(first: int = 0, second: int = 1) -> Roster:
    return Roster(
        (
            Route("w1", 0, (Stop("t1", 480),), shift=first),
            Route("w1", 0, (Stop("t2", 1080),), shift=second),
        )
    )


def test_a_split_shift_is_two_routes_and_the_time_at_home_is_not_paid() -> None:
    report = check(split_day(), halves())
    assert report.feasible, report.violations
    figures = report.figures
    # Morning: leaves 470, back 520 (50 paid, 20 travel); evening: leaves 1060, back 1130
    # (70 paid, 40 travel). The 540 minutes at home in between are neither paid nor waiting.
    assert figures.paid_minutes == 120
    assert figures.travel_minutes == 60
    assert figures.distance == 60
    assert figures.service_minutes == 60
    assert figures.waiting_minutes == 0
    assert figures.travel_share == 0.5


def test_a_visit_outside_its_routes_shift_is_reported_naming_the_visit() -> None:
    both_in_the_morning = Roster((Route("w1", 0, (Stop("t1", 480), Stop("t2", 1080))),))
    violations = check(split_day(), both_in_the_morning).violations
    # The visit is named; leaving and getting back are not reported again for the same cause.
    assert [str(v) for v in violations] == [
        "visit t2: starts at 1080 and ends at 1110 on day 0, outside the shift of worker w1's "
        "route, which starts at 420 and ends at 660"
    ]
    assert violations[0].rule == "shift"
    morning_visit_in_the_evening = halves(first=1, second=0)
    rules = {(v.rule, v.item) for v in check(split_day(), morning_visit_in_the_evening).violations}
    assert rules == {("shift", "visit t1"), ("shift", "visit t2")}


def test_routes_must_name_a_shift_the_worker_has_and_use_it_once() -> None:
    (unknown,) = check(split_day(), halves(second=2)).violations
    assert str(unknown) == (
        "worker w1: has a route for shift 2 on day 0 but only 2 shift(s) that day, numbered from 0"
    )
    twice = check(split_day(), halves(first=1, second=1)).violations
    assert ("two_routes", "worker w1: has two routes on day 0, shift 1") in {
        (v.rule, str(v)) for v in twice
    }


def test_the_daily_maximum_counts_both_halves_of_a_split_shift() -> None:
    # 50 + 70 paid minutes: each half is within 100, the day is not.
    (violation,) = check(split_day(max_day_minutes=100), halves()).violations
    assert violation.rule == "max_day"
    assert str(violation) == "worker w1: works 120 min on day 0, above the 100 allowed"
    assert check(split_day(max_day_minutes=120), halves()).feasible


def test_each_half_of_a_split_shift_is_its_own_working_period_for_breaks() -> None:
    # 120 minutes in the day but no route over 100: no break needed.
    assert check(split_day(break_rule=BreakRule(after=100, length=20)), halves()).feasible
    # The evening route alone (70 minutes) is over 60 and has no gap.
    (violation,) = check(split_day(break_rule=BreakRule(after=60, length=20)), halves()).violations
    assert str(violation) == (
        "worker w1: works 70 min on day 0, shift 1 with no break of 20 min (longest gap 0 min)"
    )


def test_rest_runs_from_the_last_route_of_a_day_to_the_first_of_the_next() -> None:
    problem = two_visits(
        workers=(
            worker("w1", shifts=(*SPLIT, Shift(1, 400, 660)), min_rest_minutes=800),
            worker("w2"),
        ),
        tasks=(
            task("t1", "ann", 1, 480),
            task("t2", "bob", 2, 1080),
            replace(task("t3", "ann", 1, 420), day=1),
        ),
    )
    roster = Roster((*halves().routes, Route("w1", 1, (Stop("t3", 420),))))
    # Back at 1130 on day 0, leaves at 410 on day 1: 310 + 410 = 720. The 540 minutes between the
    # halves of day 0 are not rest between days.
    (violation,) = check(problem, roster).violations
    assert str(violation) == (
        "worker w1: rests 720 min between day 0 and day 1, less than the 800 required"
    )


def flexible(**changes: Any) -> Problem:
    """``two_visits`` in outcome-based care: Ann's visit may run 30 to 60 minutes."""
    fixed = two_visits(**changes)
    tasks = tuple(replace(t, duration_max=60) if t.id == "t1" else t for t in fixed.tasks)
    return replace(fixed, tasks=tasks, mode=Mode.OUTCOME_BASED)


def timed_route(*stops: Stop) -> Roster:
    return Roster((Route("w1", 0, stops),))


@pytest.mark.parametrize(
    ("duration", "message"),
    [
        (61, "visit t1: lasts 61 min, outside its 30-60 min range"),
        (20, "visit t1: lasts 20 min, outside its 30-60 min range"),
    ],
)
def test_a_stop_lasting_outside_its_range_is_reported_naming_the_visit(
    duration: float, message: str
) -> None:
    report = check(flexible(), timed_route(Stop("t1", 540, duration), Stop("t2", 700)))
    assert [str(v) for v in report.violations if v.rule == "duration"] == [message]


def test_each_visit_is_timed_with_its_own_duration() -> None:
    # Ann's 45 minutes end at 585; 15 minutes to Bob: just in time for 600.
    report = check(flexible(), timed_route(Stop("t1", 540, 45), Stop("t2", 600)))
    assert report.feasible, report.violations
    assert report.figures.service_minutes == 75
    assert report.figures.waiting_minutes == 0
    late = check(flexible(), timed_route(Stop("t1", 540, 46), Stop("t2", 600)))
    assert [str(v) for v in late.violations] == [
        "visit t2: starts at 600 but worker w1 cannot be there before 601 "
        "(previous visit ends at 586, travel 15 min)"
    ]
    # A last visit that runs on brings the worker home later.
    home = check(flexible(), Roster((Route("w1", 0, (Stop("t1", 540, 60),)),), ("t2",)))
    assert home.figures.paid_minutes == 80  # leaves 530, ends 600, back 610


def test_a_time_bank_overrun_by_longer_visits_is_reported_naming_the_person() -> None:
    people = (Person("ann", time_bank_minutes=50), Person("bob"))
    within = check(flexible(people=people), timed_route(Stop("t1", 540, 50), Stop("t2", 700)))
    assert within.feasible, within.violations
    over = check(flexible(people=people), timed_route(Stop("t1", 540, 55), Stop("t2", 700)))
    assert [str(v) for v in over.violations] == [
        "person ann: gets 55 min of visits, above the time bank of 50"
    ]
