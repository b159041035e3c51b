"""careweave.scheduling: the roster optimiser, a pure function of immutable problem data.

It imports nothing else of careweave. The problem model lives in :mod:`.problem` (with the items
in :mod:`.items` and the objective weights in :mod:`.weights`); files are read and written by
:mod:`.formats`.
"""

from careweave.scheduling.formats.hhcrsp import hhcrsp_problem, read_hhcrsp
from careweave.scheduling.problem import (
    CRITICAL,
    BreakRule,
    Link,
    Mode,
    Person,
    Problem,
    ProblemError,
    Shift,
    Task,
    TravelMatrix,
    Weights,
    Worker,
)

__all__ = [
    "CRITICAL",
    "BreakRule",
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
    "hhcrsp_problem",
    "read_hhcrsp",
]
