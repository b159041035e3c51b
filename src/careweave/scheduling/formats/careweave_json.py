"""careweave's own JSON problem format (documented in docs/problem-format.md).

It covers everything a :class:`Problem` holds: workers with shifts (several a day when they do
not overlap, e.g. a split shift) and limits, visits with windows and duration ranges, links,
people with continuity history and time banks, travel matrices per travel mode, weights and mode.
Unknown fields are rejected so a typo is caught; ``null`` stands for "no limit" where a limit may
be infinite.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from careweave.scheduling.formats.fields import (
    finite_or_null,
    key,
    load_json,
    number,
    obj,
    optional_number,
    optional_text,
    pair,
    seq,
    text,
    texts,
    whole,
)
from careweave.scheduling.items import (
    BreakRule,
    Link,
    Mode,
    Person,
    ProblemError,
    Shift,
    Task,
    TravelMatrix,
    Worker,
    as_matrix,
)
from careweave.scheduling.problem import Problem
from careweave.scheduling.weights import Weights

FORMAT = "careweave-roster-problem"
VERSION = 1
_TOP = {"format", "version", "name", "mode", "skills", "travel", "workers", "visits", "links"}
_TOP |= {"people", "weights"}
_WORKER = {"id", "skills", "shifts", "start_location", "end_location", "travel_mode", "gender"}
_WORKER |= {"languages", "team", "max_day_minutes", "max_week_minutes", "min_rest_minutes"}
_WORKER |= {"contracted_week_minutes", "break_rule", "cost_per_hour"}
_VISIT = {"id", "person", "location", "day", "window", "duration", "skills", "priority"}
_VISIT |= {"mandatory", "preferred", "excluded", "pinned", "gender", "language", "team"}
_LINK = {"first", "second", "min_gap", "max_gap", "distinct_workers"}
_PERSON = {"id", "continuity_target", "history", "time_bank_minutes"}


def is_careweave(data: Any) -> bool:
    """Whether parsed JSON declares the careweave problem format."""
    return isinstance(data, Mapping) and data.get("format") == FORMAT


def read_careweave(path: str | Path) -> Problem:
    """Read a careweave JSON problem file (ProblemError naming the item when malformed)."""
    return problem_from_json(load_json(path))


def write_careweave(problem: Problem, path: str | Path) -> None:
    """Write ``problem`` as careweave JSON to ``path``."""
    Path(path).write_text(json.dumps(problem_to_json(problem), indent=1) + "\n", encoding="utf-8")


def problem_from_json(data: Any) -> Problem:
    """Build a :class:`Problem` from parsed careweave JSON."""
    data = _fields(data, "problem", _TOP)
    if data.get("format") != FORMAT:
        raise ProblemError("problem", f'format must be "{FORMAT}"')
    if data.get("version", VERSION) != VERSION:
        raise ProblemError("problem", f"version {data.get('version')!r} is not supported")
    mode = data.get("mode", Mode.TIME_AND_TASK.value)
    if not isinstance(mode, str) or mode not in {m.value for m in Mode}:
        raise ProblemError("problem", f"mode must be one of {', '.join(m.value for m in Mode)}")
    skills = data.get("skills")
    return Problem(
        workers=tuple(_worker(w) for w in seq(key(data, "workers", "problem"), "workers")),
        tasks=tuple(_visit(v) for v in seq(key(data, "visits", "problem"), "visits")),
        travel=_travel(key(data, "travel", "problem")),
        links=tuple(_link(v) for v in seq(data.get("links", []), "links")),
        people=tuple(_person(p) for p in seq(data.get("people", []), "people")),
        weights=_weights(data.get("weights", {})),
        mode=Mode(mode),
        skills=None if skills is None else texts(skills, "problem", "skills"),
        name=_name(data.get("name", "")),
    )


def _name(value: Any) -> str:
    if not isinstance(value, str):
        raise ProblemError("problem", f"name must be text, not {value!r}")
    return value


def _fields(value: Any, item: str, allowed: set[str]) -> Mapping[str, Any]:
    data = obj(value, item)
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ProblemError(item, f"unknown field {', '.join(unknown)}")
    return data


def _named(value: Any, kind: str, allowed: set[str]) -> tuple[Mapping[str, Any], str]:
    data = obj(value, kind)
    ident = text(key(data, "id", kind), kind, "id")
    item = f"{kind} {ident}"
    return _fields(data, item, allowed), item


def _worker(value: Any) -> Worker:
    data, item = _named(value, "worker", _WORKER)
    rule = data.get("break_rule")
    return Worker(
        id=data["id"],
        skills=texts(data.get("skills", []), item, "skills"),
        shifts=tuple(_shift(s, item) for s in seq(data.get("shifts", []), f"{item}: shifts")),
        start_location=whole(data.get("start_location", 0), item, "start_location"),
        end_location=whole(data.get("end_location", 0), item, "end_location"),
        travel_mode=text(data.get("travel_mode", "drive"), item, "travel_mode"),
        gender=optional_text(data.get("gender"), item, "gender"),
        languages=texts(data.get("languages", []), item, "languages"),
        team=optional_text(data.get("team"), item, "team"),
        max_day_minutes=number(
            data.get("max_day_minutes"), item, "max_day_minutes", allow_inf=True
        ),
        max_week_minutes=number(
            data.get("max_week_minutes"), item, "max_week_minutes", allow_inf=True
        ),
        contracted_week_minutes=number(
            data.get("contracted_week_minutes"), item, "contracted_week_minutes", allow_inf=True
        ),
        min_rest_minutes=number(data.get("min_rest_minutes", 0), item, "min_rest_minutes"),
        break_rule=None if rule is None else _break_rule(rule, item),
        cost_per_hour=number(data.get("cost_per_hour", 0), item, "cost_per_hour"),
    )


def _shift(value: Any, item: str) -> Shift:
    data = _fields(value, f"{item}: shift", {"day", "start", "end"})
    return Shift(
        day=whole(key(data, "day", f"{item}: shift"), item, "shift day"),
        start=number(key(data, "start", f"{item}: shift"), item, "shift start"),
        end=number(data.get("end"), item, "shift end", allow_inf=True),
    )


def _break_rule(value: Any, item: str) -> BreakRule:
    data = _fields(value, f"{item}: break_rule", {"after", "length"})
    return BreakRule(
        after=number(data.get("after", 360), item, "break_rule after"),
        length=number(data.get("length", 20), item, "break_rule length"),
    )


def _visit(value: Any) -> Task:
    data, item = _named(value, "visit", _VISIT)
    earliest, latest = pair(key(data, "window", item), item, "window")
    duration = key(data, "duration", item)
    if isinstance(duration, list):
        shortest, longest = pair(duration, item, "duration")
    else:
        shortest = longest = number(duration, item, "duration")
    mandatory = data.get("mandatory", False)
    if not isinstance(mandatory, bool):
        raise ProblemError(item, "mandatory must be true or false")
    return Task(
        id=data["id"],
        person=text(key(data, "person", item), item, "person"),
        location=whole(key(data, "location", item), item, "location"),
        day=whole(data.get("day", 0), item, "day"),
        earliest=earliest,
        latest=latest,
        duration_min=shortest,
        duration_max=longest,
        skills=texts(data.get("skills", []), item, "skills"),
        priority=whole(data.get("priority", 2), item, "priority"),
        mandatory=mandatory,
        preferred=texts(data.get("preferred", []), item, "preferred"),
        excluded=texts(data.get("excluded", []), item, "excluded"),
        pinned=optional_text(data.get("pinned"), item, "pinned"),
        gender=optional_text(data.get("gender"), item, "gender"),
        language=optional_text(data.get("language"), item, "language"),
        team=optional_text(data.get("team"), item, "team"),
    )


def _link(value: Any) -> Link:
    data = _fields(value, "link", _LINK)
    first = text(key(data, "first", "link"), "link", "first")
    second = text(key(data, "second", "link"), "link", "second")
    item = f"link {first} -> {second}"
    distinct = data.get("distinct_workers", True)
    if not isinstance(distinct, bool):
        raise ProblemError(item, "distinct_workers must be true or false")
    return Link(
        first=first,
        second=second,
        min_gap=number(data.get("min_gap", 0), item, "min_gap"),
        max_gap=number(data.get("max_gap", 0), item, "max_gap"),
        distinct_workers=distinct,
    )


def _person(value: Any) -> Person:
    data, item = _named(value, "person", _PERSON)
    target = data.get("continuity_target")
    history = obj(data.get("history", {}), f"{item}: history")
    return Person(
        id=data["id"],
        continuity_target=None if target is None else whole(target, item, "continuity_target"),
        history={w: whole(n, item, f"history of {w}") for w, n in history.items()},
        time_bank_minutes=optional_number(data.get("time_bank_minutes"), item, "time_bank_minutes"),
    )


def _travel(value: Any) -> dict[str, TravelMatrix]:
    travel = {}
    for mode, raw in obj(value, "travel").items():
        item = f"travel mode {mode}"
        data = _fields(raw, item, {"minutes", "distance"})
        distance = data.get("distance")
        travel[mode] = TravelMatrix(
            minutes=as_matrix(item, "travel time", key(data, "minutes", item)),
            distance=None if distance is None else as_matrix(item, "distance", distance),
            mode=mode,
        )
    return travel


def _weights(value: Any) -> Weights:
    names = {spec.name for spec in fields(Weights)}
    data = _fields(value, "weights", names)
    values: dict[str, Any] = {}
    for name, raw in data.items():
        if name == "unassigned":
            values[name] = tuple(
                number(v, "weights", name) for v in seq(raw, "weights: unassigned")
            )
        else:
            values[name] = number(raw, "weights", name)
    return Weights(**values)


def problem_to_json(problem: Problem) -> dict[str, Any]:
    """``problem`` as careweave JSON (plain dicts and lists), every field written out."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": problem.name,
        "mode": problem.mode.value,
        "skills": None if problem.skills is None else sorted(problem.skills),
        "travel": {
            mode: {
                "minutes": matrix.minutes.tolist(),
                "distance": None if matrix.distance is None else matrix.distance.tolist(),
            }
            for mode, matrix in problem.travel.items()
        },
        "workers": [_worker_json(w) for w in problem.workers],
        "visits": [_visit_json(t) for t in problem.tasks],
        "links": [
            {
                "first": link.first,
                "second": link.second,
                "min_gap": link.min_gap,
                "max_gap": link.max_gap,
                "distinct_workers": link.distinct_workers,
            }
            for link in problem.links
        ],
        "people": [
            {
                "id": person.id,
                "continuity_target": person.continuity_target,
                "history": dict(person.history),
                "time_bank_minutes": person.time_bank_minutes,
            }
            for person in problem.people
        ],
        "weights": {
            spec.name: _plain(getattr(problem.weights, spec.name)) for spec in fields(Weights)
        },
    }


def _worker_json(worker: Worker) -> dict[str, Any]:
    rule = worker.break_rule
    return {
        "id": worker.id,
        "skills": sorted(worker.skills),
        "shifts": [
            {"day": s.day, "start": s.start, "end": finite_or_null(s.end)} for s in worker.shifts
        ],
        "start_location": worker.start_location,
        "end_location": worker.end_location,
        "travel_mode": worker.travel_mode,
        "gender": worker.gender,
        "languages": sorted(worker.languages),
        "team": worker.team,
        "max_day_minutes": finite_or_null(worker.max_day_minutes),
        "max_week_minutes": finite_or_null(worker.max_week_minutes),
        "contracted_week_minutes": finite_or_null(worker.contracted_week_minutes),
        "min_rest_minutes": worker.min_rest_minutes,
        "break_rule": None if rule is None else {"after": rule.after, "length": rule.length},
        "cost_per_hour": worker.cost_per_hour,
    }


def _visit_json(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "person": task.person,
        "location": task.location,
        "day": task.day,
        "window": [task.earliest, task.latest],
        "duration": [task.duration_min, task.duration_max],
        "skills": sorted(task.skills),
        "priority": task.priority,
        "mandatory": task.mandatory,
        "preferred": sorted(task.preferred),
        "excluded": sorted(task.excluded),
        "pinned": task.pinned,
        "gender": task.gender,
        "language": task.language,
        "team": task.team,
    }


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
