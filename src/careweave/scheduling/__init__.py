"""careweave.scheduling: the roster optimiser, a pure function of immutable problem data.

It imports nothing else of careweave. The problem model lives in :mod:`.problem` (items in
:mod:`.items`, objective weights in :mod:`.weights`), rosters in :mod:`.solution`, the independent
checker in :mod:`.checker` (figures in :mod:`.objective`), and file formats in :mod:`.formats`.
"""

from careweave.scheduling.checker import TOLERANCE, CheckReport, Violation, check
from careweave.scheduling.formats import ProblemFormat, load_problem, read_problem
from careweave.scheduling.formats.careweave_json import (
    problem_from_json,
    problem_to_json,
    read_careweave,
    write_careweave,
)
from careweave.scheduling.formats.hhcrsp import hhcrsp_problem, read_hhcrsp
from careweave.scheduling.formats.roster_json import read_roster, roster_from_json, roster_to_json
from careweave.scheduling.objective import Figures
from careweave.scheduling.params import SolveParams
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
from careweave.scheduling.repair import Cancellation, RepairResult, UrgentVisit, WorkerOff, repair
from careweave.scheduling.solution import Roster, Route, Stop
from careweave.scheduling.solve import Result, solve
from careweave.scheduling.stop import (
    FirstOf,
    MaxIterations,
    MaxRuntime,
    NoImprovement,
    StoppingCriterion,
)

__all__ = [
    "CRITICAL",
    "TOLERANCE",
    "BreakRule",
    "Cancellation",
    "CheckReport",
    "Figures",
    "FirstOf",
    "Link",
    "MaxIterations",
    "MaxRuntime",
    "Mode",
    "NoImprovement",
    "Person",
    "Problem",
    "ProblemError",
    "ProblemFormat",
    "RepairResult",
    "Result",
    "Roster",
    "Route",
    "Shift",
    "SolveParams",
    "Stop",
    "StoppingCriterion",
    "Task",
    "TravelMatrix",
    "UrgentVisit",
    "Violation",
    "Weights",
    "Worker",
    "WorkerOff",
    "check",
    "hhcrsp_problem",
    "load_problem",
    "problem_from_json",
    "problem_to_json",
    "read_careweave",
    "read_hhcrsp",
    "read_problem",
    "read_roster",
    "repair",
    "roster_from_json",
    "roster_to_json",
    "solve",
    "write_careweave",
]
