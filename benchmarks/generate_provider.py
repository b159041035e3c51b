"""A deterministic provider-scale roster week in careweave's problem model.

The default is the ROSTERING.md provider: 1,000 people, 200 workers in 16 neighbourhood teams,
about 15,000 visits in a week, 12 % of them double handed. :func:`provider_spec` scales it to any
number of people (5 people per worker, about 62 people per team, 15 visits per person a week).
Same spec and seed, same problem, on any machine.

The shape: packages of one to four calls a day (morning, lunch, tea, bed), mostly 30-minute
visits with shorter lunch, tea and bed calls; people clustered in their team's patch, each with
three regular workers whose rounds cover their home; workers start and end at their team's
office on split shifts (07:00-14:00 and 16:00-22:00) six days a week, contracted for 40 hours
and paid at most 10 hours a day and 55 a week (opted out of the 48-hour average, as many home
care workers are: at 48 hours these 200 workers could not do this many visits, see the provider
benchmark's notes); a few insulin calls are critical (never dropped, never late); medication
calls need the medication skill and double-handed calls the moving-and-handling skill.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from careweave.scheduling.problem import (
    CRITICAL,
    BreakRule,
    Link,
    Mode,
    Person,
    Problem,
    Shift,
    Task,
    TravelMatrix,
    Worker,
)

# (name, earliest start of the window's centre, latest, duration minutes)
CALLS = (
    ("morning", 450, 630, 30.0),
    ("lunch", 720, 780, 20.0),
    ("tea", 990, 1050, 20.0),
    ("bed", 1140, 1230, 20.0),
)
# Calls a day -> which calls; share of people with that many calls a day.
PACKAGES = {1: (0,), 2: (0, 3), 3: (0, 1, 3), 4: (0, 1, 2, 3)}
PACKAGE_SHARES = (0.35, 0.30, 0.22, 0.13)
HALF_WINDOW = 45.0
CRITICAL_WINDOW = 15.0
SYNC_TOLERANCE = 5.0
# Home care's split shift: the morning and lunch peak, then tea and bed; at most 10 paid hours a
# day across both (Worker.max_day_minutes). One shift a day cannot cover both peaks.
SPLIT_SHIFT = ((420.0, 840.0), (960.0, 1320.0))
SKILLS = frozenset({"personal_care", "medication", "moving_and_handling"})


@dataclass(frozen=True)
class ProviderSpec:
    """How big a provider week to generate (and from which seed)."""

    people: int = 1000
    workers: int = 200
    teams: int = 16
    double_handed_share: float = 0.12
    days: int = 7
    seed: int = 0

    def __post_init__(self) -> None:
        if self.people < 1 or self.workers < 1 or self.teams < 1:
            raise ValueError("provider spec: people, workers and teams must each be at least 1")
        if self.workers < self.teams:
            raise ValueError("provider spec: every team needs at least one worker")
        if not 0 <= self.double_handed_share < 1:
            raise ValueError("provider spec: double_handed_share must be in [0, 1)")


def provider_spec(people: int, seed: int = 0) -> ProviderSpec:
    """The ROSTERING.md provider's proportions scaled to ``people``."""
    workers = max(1, round(people / 5))
    teams = min(workers, max(1, round(people / 62.5)))
    return ProviderSpec(people=people, workers=workers, teams=teams, seed=seed)


def generate_provider(spec: ProviderSpec) -> Problem:
    """Build the provider week described by ``spec`` as a careweave :class:`Problem`."""
    rng = np.random.default_rng(spec.seed)
    centres = _team_centres(spec.teams)
    team_of_person = np.arange(spec.people) % spec.teams
    homes = centres[team_of_person] + rng.normal(0.0, 0.8, size=(spec.people, 2))
    travel = _travel(np.vstack([centres, homes]))
    workers = _workers(spec, rng)
    rounds = _rounds(workers, homes - centres[team_of_person], team_of_person)
    tasks, links, people = _visits(spec, rng, team_of_person, rounds)
    return Problem(
        workers=tuple(workers),
        tasks=tuple(tasks),
        travel={"drive": travel},
        links=tuple(links),
        people=tuple(people),
        mode=Mode.NEIGHBOURHOOD,
        skills=SKILLS,
        name=f"provider-{spec.people}-seed{spec.seed}",
    )


def _team_centres(teams: int) -> np.ndarray:
    side = math.ceil(math.sqrt(teams))
    return np.array([((i % side) * 4.0, (i // side) * 4.0) for i in range(teams)], dtype=float)


def _travel(points: np.ndarray) -> TravelMatrix:
    """Driving minutes: 2 minutes to park and set off plus 2.5 minutes a km (24 km/h)."""
    km = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2)) * 1.3
    minutes = np.where(km > 0, 2.0 + 2.5 * km, 0.0)
    return TravelMatrix(
        minutes=np.round(minutes, 1).astype(np.float64),
        distance=np.round(km, 3).astype(np.float64),
        mode="drive",
    )


def _workers(spec: ProviderSpec, rng: np.random.Generator) -> list[Worker]:
    workers = []
    for number in range(spec.workers):
        team = number % spec.teams
        skills = {"personal_care"}
        if rng.random() < 0.85:
            skills.add("medication")
        if rng.random() < 0.75:
            skills.add("moving_and_handling")
        rest_day = number % spec.days
        shifts = tuple(
            Shift(day, start, end)
            for day in range(spec.days)
            if day != rest_day
            for start, end in SPLIT_SHIFT
        )
        workers.append(
            Worker(
                id=f"w{number + 1}",
                skills=frozenset(skills),
                shifts=shifts,
                start_location=team,
                end_location=team,
                team=f"team{team + 1}",
                max_day_minutes=600.0,
                max_week_minutes=3300.0,
                contracted_week_minutes=2400.0,
                min_rest_minutes=660.0,
                break_rule=BreakRule(after=360.0, length=20.0),
                cost_per_hour=12.0,
            )
        )
    return workers


@dataclass(frozen=True)
class _Person:
    """What the generator decided about one person before writing their week."""

    id: str
    team: int
    location: int
    calls: tuple[int, ...]
    centres: tuple[float, ...]
    durations: tuple[float, ...]
    medication: bool
    insulin: bool
    double_handed: bool


def _rounds(
    workers: list[Worker], offsets: np.ndarray, team_of_person: np.ndarray
) -> list[list[str]]:
    """Each person's regular workers: the three of their team whose round covers their home.

    A coordinator gives each worker a round, one sector of the team's patch (here, around a point
    0.8 km from the office in the sector's direction); a person's regulars are the workers of the
    three rounds nearest their home.
    """
    by_team: dict[int, list[str]] = {}
    for worker in workers:
        by_team.setdefault(int(str(worker.team).removeprefix("team")) - 1, []).append(worker.id)
    anchors = {}
    for team, ids in by_team.items():
        angles = 2.0 * math.pi * (np.arange(len(ids)) + 0.5) / len(ids)
        anchors[team] = 0.8 * np.column_stack([np.cos(angles), np.sin(angles)])
    rounds = []
    for offset, team in zip(offsets, team_of_person, strict=True):
        near = np.argsort(((anchors[int(team)] - offset) ** 2).sum(axis=1), kind="stable")[:3]
        rounds.append([by_team[int(team)][int(k)] for k in near])
    return rounds


def _visits(
    spec: ProviderSpec,
    rng: np.random.Generator,
    team_of_person: np.ndarray,
    rounds: list[list[str]],
) -> tuple[list[Task], list[Link], list[Person]]:
    people = _people(spec, rng, team_of_person)
    tasks: list[Task] = []
    links: list[Link] = []
    records = []
    for person, regulars in zip(people, rounds, strict=True):
        history = {w: int(rng.integers(2, 12)) for w in regulars}
        records.append(Person(person.id, continuity_target=3, history=history))
        for day in range(spec.days):
            for slot, call in enumerate(person.calls):
                _add_call(tasks, links, person, day, slot, call)
    return tasks, links, records


def _people(
    spec: ProviderSpec, rng: np.random.Generator, team_of_person: np.ndarray
) -> list[_Person]:
    sizes = rng.choice(np.arange(1, 5), size=spec.people, p=PACKAGE_SHARES)
    double = _double_handed(spec, rng, sizes)
    people = []
    for number in range(spec.people):
        calls = PACKAGES[int(sizes[number])]
        people.append(
            _Person(
                id=f"p{number + 1}",
                team=int(team_of_person[number]),
                location=spec.teams + number,
                calls=calls,
                centres=tuple(float(rng.uniform(CALLS[c][1], CALLS[c][2])) for c in calls),
                durations=tuple(_duration(rng, c) for c in calls),
                medication=bool(rng.random() < 0.4),
                insulin=bool(rng.random() < 0.03),
                double_handed=number in double,
            )
        )
    return people


def _double_handed(spec: ProviderSpec, rng: np.random.Generator, sizes: np.ndarray) -> set[int]:
    """People whose every call needs two workers, until they make the spec's share of visits.

    People with bigger packages are likelier to need two workers (hoist transfers).
    """
    wanted = spec.double_handed_share * float(sizes.sum())
    weights = sizes / sizes.sum()
    chosen: set[int] = set()
    total = 0.0
    for number in rng.choice(spec.people, size=spec.people, replace=False, p=weights):
        if total + sizes[number] > wanted:
            continue
        chosen.add(int(number))
        total += float(sizes[number])
    return chosen


def _duration(rng: np.random.Generator, call: int) -> float:
    if call == 0:
        return 45.0 if rng.random() < 0.2 else 30.0
    return 15.0 if rng.random() < 0.5 else 30.0


def _add_call(
    tasks: list[Task], links: list[Link], person: _Person, day: int, slot: int, call: int
) -> None:
    name = CALLS[call][0]
    critical = person.insulin and name in ("morning", "tea")
    half = CRITICAL_WINDOW if critical else HALF_WINDOW
    skills = {"personal_care"}
    if critical or (person.medication and name in ("morning", "bed")):
        skills.add("medication")
    if person.double_handed:
        skills.add("moving_and_handling")
    visit = f"{person.id}-d{day}-{name}"
    halves: tuple[str, ...] = (f"{visit}/1", f"{visit}/2") if person.double_handed else (visit,)
    for task_id in halves:
        tasks.append(
            Task(
                id=task_id,
                person=person.id,
                location=person.location,
                day=day,
                earliest=person.centres[slot] - half,
                latest=person.centres[slot] + half,
                duration_min=person.durations[slot],
                duration_max=person.durations[slot],
                skills=frozenset(skills),
                priority=CRITICAL if critical else (3 if "medication" in skills else 2),
                team=f"team{person.team + 1}",
            )
        )
    if person.double_handed:
        links.append(Link(halves[0], halves[1], -SYNC_TOLERANCE, SYNC_TOLERANCE))
