"""Compile the kernel ahead of time, so that no solve's time budget pays for it.

It runs the whole Python search once (state, construction, annealing), so it lives beside the
search rather than in :mod:`careweave.scheduling.search.kernel`, which imports nothing of it.
"""

from __future__ import annotations

import random
import time

import numpy as np

from careweave.scheduling.items import Person, Shift, Task, TravelMatrix, Worker
from careweave.scheduling.params import SolveParams
from careweave.scheduling.problem import Problem
from careweave.scheduling.search.anneal import anneal
from careweave.scheduling.search.compile import compile_problem
from careweave.scheduling.search.moves import construct
from careweave.scheduling.search.state import State
from careweave.scheduling.stop import MaxIterations

_ready = False


def ensure_compiled() -> float:
    """Run the kernel once in this process, on a two-visit problem; return the seconds it took.

    The first run on a machine compiles the kernel (tens of seconds) and numba caches the machine
    code on disk; a later first run in any process loads it in about a second; every later call
    in the same process returns at once.
    """
    global _ready
    if _ready:
        return 0.0
    began = time.perf_counter()
    care = frozenset({"care"})
    visits = tuple(
        Task(f"v{i}", "p", 1, 0, 480 + 60 * i, 540 + 60 * i, 30, 30, skills=care) for i in range(2)
    )
    problem = Problem(
        workers=(Worker("w", skills=care, shifts=(Shift(0, 480, 1200),)),),
        tasks=visits,
        travel={"drive": TravelMatrix(np.array([[0.0, 10.0], [10.0, 0.0]]))},
        people=(Person("p"),),
    )
    state = State(compile_problem(problem))
    construct(state)
    anneal(state, MaxIterations(2), random.Random(0), SolveParams())
    _ready = True
    return time.perf_counter() - began
