"""The roster problem: immutable, validated data that the solver and the checker both read.

A :class:`Problem` is built from :mod:`careweave.scheduling.items` and checks, when built, that
the items fit together (every reference resolves, every location is in the travel matrices,
every critical or mandatory visit, double-handed or not, can be done by someone). A well-formed problem may still
be infeasible; the solver and the checker report what cannot be met.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from careweave.scheduling.items import (
    CRITICAL,
    MINUTES_PER_DAY,
    BreakRule,
    FloatMatrix,
    Link,
    Mode,
    Person,
    ProblemError,
    Shift,
    Task,
    TravelMatrix,
    Worker,
    ids_of,
)
from careweave.scheduling.weights import Weights

__all__ = [
    "CRITICAL",
    "MINUTES_PER_DAY",
    "BreakRule",
    "FloatMatrix",
    "Link",
    "Mode",
    "Person",
    "Problem",
    "ProblemError",
    "Shift",
    "Task",
    "TravelMatrix",
    "Weights",
    "Worker",
]


@dataclass(frozen=True)
class Problem:
    """A whole roster problem over one or more days.

    Parameters
    ----------
    workers, tasks
        The workers and the single-worker tasks (a double-handed visit is two linked tasks).
    travel
        Travel matrices by travel mode name; every worker's ``travel_mode`` must be a key.
    links
        Timing rules between tasks (synchronisation, precedence, spacing).
    people
        Everyone a task is for.
    weights
        The soft objective.
    mode
        Time and task, outcome-based or neighbourhood teams.
    skills
        The known skills (services); when given, any other skill is rejected as unknown.
    name
        A label, e.g. the instance file name.
    """

    workers: tuple[Worker, ...]
    tasks: tuple[Task, ...]
    travel: Mapping[str, TravelMatrix]
    links: tuple[Link, ...] = ()
    people: tuple[Person, ...] = ()
    weights: Weights = field(default_factory=Weights)
    mode: Mode = Mode.TIME_AND_TASK
    skills: frozenset[str] | None = None
    name: str = ""
    _worker_index: Mapping[str, int] = field(init=False, repr=False, compare=False)
    _task_index: Mapping[str, int] = field(init=False, repr=False, compare=False)
    _person_index: Mapping[str, int] = field(init=False, repr=False, compare=False)
    _eligible: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    _links_of: Mapping[str, tuple[Link, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("workers", "tasks", "links", "people"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "travel", MappingProxyType(dict(self.travel)))
        object.__setattr__(self, "mode", Mode(self.mode))
        self._index("_worker_index", ids_of(self.workers, "worker"))
        self._index("_task_index", ids_of(self.tasks, "visit"))
        self._index("_person_index", ids_of(self.people, "person"))
        size = self._check_travel()
        self._check_workers(size)
        self._check_tasks(size)
        object.__setattr__(self, "_eligible", self._eligibility())
        self._check_assignable()
        self._check_links()

    def __reduce__(self) -> tuple[Any, ...]:
        # Read-only mappings cannot be pickled (e.g. to send a problem to another process), so a
        # problem is rebuilt, and checked again, from its fields.
        fields = (self.workers, self.tasks, dict(self.travel), self.links, self.people)
        return (Problem, (*fields, self.weights, self.mode, self.skills, self.name))

    def _index(self, name: str, positions: dict[str, int]) -> None:
        object.__setattr__(self, name, MappingProxyType(positions))

    def _check_travel(self) -> int:
        if not self.travel:
            raise ProblemError("travel", "at least one travel mode needs a travel time matrix")
        sizes = set()
        for mode, matrix in self.travel.items():
            if not isinstance(matrix, TravelMatrix) or matrix.mode != mode:
                raise ProblemError(f"travel mode {mode}", "needs a TravelMatrix of that mode")
            sizes.add(matrix.size)
        if len(sizes) != 1:
            raise ProblemError("travel", "every travel mode must cover the same locations")
        return sizes.pop()

    def _check_skills(self, item: str, skills: frozenset[str]) -> None:
        if self.skills is None:
            return
        unknown = skills - self.skills
        if unknown:
            raise ProblemError(item, f"unknown skill {', '.join(sorted(unknown))}")

    def _check_workers(self, size: int) -> None:
        for worker in self.workers:
            item = f"worker {worker.id}"
            self._check_skills(item, worker.skills)
            if worker.travel_mode not in self.travel:
                raise ProblemError(item, f"no travel matrix for travel mode {worker.travel_mode}")
            for name in ("start_location", "end_location"):
                if getattr(worker, name) >= size:
                    raise ProblemError(item, f"{name} is not in the travel matrix (size {size})")

    def _check_tasks(self, size: int) -> None:
        for task in self.tasks:
            item = f"visit {task.id}"
            self._check_skills(item, task.skills)
            if task.location >= size:
                raise ProblemError(item, f"location is not in the travel matrix (size {size})")
            if task.person not in self._person_index:
                raise ProblemError(item, f"person {task.person} is not in the problem")
            if self.mode is Mode.TIME_AND_TASK and task.duration_min != task.duration_max:
                raise ProblemError(item, "time and task visits need a fixed duration")
            if task.pinned is not None:
                self._check_pin(task, task.pinned)

    def _check_pin(self, task: Task, pinned: str) -> None:
        item = f"visit {task.id}"
        if pinned not in self._worker_index:
            raise ProblemError(item, f"pinned worker {pinned} is not in the problem")
        worker = self.worker(pinned)
        missing = task.skills - worker.skills
        if missing:
            lacking = ", ".join(sorted(missing))
            raise ProblemError(item, f"pinned worker {worker.id} lacks skill {lacking}")
        if not worker.shifts_on(task.day):
            raise ProblemError(item, f"pinned worker {worker.id} has no shift on day {task.day}")

    def _eligibility(self) -> tuple[tuple[int, ...], ...]:
        # Group tasks by (skills, day): a provider week has far fewer groups than tasks.
        by_need: dict[tuple[frozenset[str], int], tuple[int, ...]] = {}
        eligible = []
        for task in self.tasks:
            key = (task.skills, task.day)
            if key not in by_need:
                by_need[key] = tuple(
                    position
                    for position, worker in enumerate(self.workers)
                    if task.skills <= worker.skills and worker.shifts_on(task.day)
                )
            candidates = by_need[key]
            if task.pinned is not None:
                candidates = (self._worker_index[task.pinned],)
            elif task.excluded:
                candidates = tuple(w for w in candidates if self.workers[w].id not in task.excluded)
            eligible.append(candidates)
        return tuple(eligible)

    def _check_assignable(self) -> None:
        for task, candidates in zip(self.tasks, self._eligible, strict=True):
            if task.must_assign and not candidates:
                need = ", ".join(sorted(task.skills)) or "no skill"
                raise ProblemError(
                    f"visit {task.id}",
                    f"must be done but no worker can do it (needs {need} on day {task.day})",
                )

    def _check_links(self) -> None:
        links_of: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            for end in (link.first, link.second):
                if end not in self._task_index:
                    raise ProblemError(link.name, f"visit {end} is not in the problem")
                links_of[end].append(link)
            if link.distinct_workers and self._must_pair(link) and not self._pair_exists(link):
                raise ProblemError(
                    link.name,
                    "must be done but no two different workers can do this double-handed visit",
                )
        object.__setattr__(
            self, "_links_of", MappingProxyType({k: tuple(v) for k, v in links_of.items()})
        )

    def _must_pair(self, link: Link) -> bool:
        # Like a single visit, an optional double-handed visit nobody can staff is well formed:
        # the solver leaves it out and says why.
        return any(
            self.tasks[self._task_index[end]].must_assign for end in (link.first, link.second)
        )

    def _pair_exists(self, link: Link) -> bool:
        first = self._eligible[self._task_index[link.first]]
        second = self._eligible[self._task_index[link.second]]
        if not first or not second:
            return False
        return not (len(first) == len(second) == 1 and first == second)

    @property
    def num_locations(self) -> int:
        """How many locations the travel matrices cover."""
        return next(iter(self.travel.values())).size

    @property
    def days(self) -> tuple[int, ...]:
        """The days that have a task or a shift, in order."""
        days = {t.day for t in self.tasks} | {s.day for w in self.workers for s in w.shifts}
        return tuple(sorted(days))

    def worker(self, worker_id: str) -> Worker:
        """The worker with ``worker_id`` (KeyError when there is none)."""
        return self.workers[self._worker_index[worker_id]]

    def task(self, task_id: str) -> Task:
        """The task with ``task_id`` (KeyError when there is none)."""
        return self.tasks[self._task_index[task_id]]

    def person(self, person_id: str) -> Person:
        """The person with ``person_id`` (KeyError when there is none)."""
        return self.people[self._person_index[person_id]]

    def worker_position(self, worker_id: str) -> int:
        """Index of the worker in :attr:`workers` (KeyError when there is none)."""
        return self._worker_index[worker_id]

    def task_position(self, task_id: str) -> int:
        """Index of the task in :attr:`tasks` (KeyError when there is none)."""
        return self._task_index[task_id]

    def has_worker(self, worker_id: str) -> bool:
        """Whether a worker with this id is in the problem."""
        return worker_id in self._worker_index

    def has_task(self, task_id: str) -> bool:
        """Whether a task with this id is in the problem."""
        return task_id in self._task_index

    def eligible(self, task_position: int) -> tuple[int, ...]:
        """Positions of the workers who may do the task at ``task_position``.

        A worker is eligible when they have every required skill, at least one shift on the
        task's day, are not excluded, and are the pinned worker if the task has one. Whether one of
        those shifts can hold the task at its time is for the solver and the checker.
        """
        return self._eligible[task_position]

    def can_do(self, worker_id: str, task_id: str) -> bool:
        """Whether the worker may do the task (see :meth:`eligible`)."""
        position = self._worker_index.get(worker_id)
        return position is not None and position in self.eligible(self._task_index[task_id])

    def links_of(self, task_id: str) -> tuple[Link, ...]:
        """The links that name the task, as first or second."""
        return self._links_of.get(task_id, ())

    def travel_for(self, worker: Worker) -> TravelMatrix:
        """The travel matrices of the worker's travel mode."""
        return self.travel[worker.travel_mode]
