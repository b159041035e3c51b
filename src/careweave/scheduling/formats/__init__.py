"""Problem and roster file formats: the public HHCRSP JSON and careweave's own JSON."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from careweave.scheduling.formats.careweave_json import is_careweave, problem_from_json
from careweave.scheduling.formats.fields import load_json
from careweave.scheduling.formats.hhcrsp import hhcrsp_problem, is_hhcrsp
from careweave.scheduling.items import ProblemError
from careweave.scheduling.problem import Problem


class ProblemFormat(StrEnum):
    """The problem file formats careweave reads."""

    HHCRSP = "hhcrsp"
    CAREWEAVE = "careweave"


def load_problem(path: str | Path) -> tuple[Problem, ProblemFormat]:
    """Read a problem file in either format, telling which one it was.

    Raises
    ------
    ProblemError
        When the file is missing, not JSON, of neither format, or malformed (naming the item).
    """
    data = load_json(path)
    if is_careweave(data):
        return problem_from_json(data), ProblemFormat.CAREWEAVE
    if is_hhcrsp(data):
        return hhcrsp_problem(data, name=Path(path).name), ProblemFormat.HHCRSP
    raise ProblemError(
        str(path),
        'is neither a careweave problem ("format": "careweave-roster-problem") nor an HHCRSP '
        "instance (patients, caregivers, services, central_offices, distances)",
    )


def read_problem(path: str | Path) -> Problem:
    """Read a problem file in either format (see :func:`load_problem`)."""
    return load_problem(path)[0]
