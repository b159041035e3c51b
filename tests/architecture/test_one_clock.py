"""One clock: nothing in careweave reads the system's time except :mod:`careweave.clock`.

Services, pages, commands, the demo and the domain get the time from the injected ``Clock`` (or
as a ``today``/``now`` argument), so tests fix it with ``FixedClock`` instead of patching, and
every date a person reads is the Europe/London one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "careweave"
CLOCK_MODULE = SRC / "clock.py"
# datetime.now(), datetime.utcnow(), datetime.today(), date.today() and their module-qualified
# spellings (dt.datetime.now(), datetime.date.today(), ...).
SYSTEM_TIME = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
}


def system_time_calls(path: Path) -> list[str]:
    """``line: call`` of every read of the system's time in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        if (owner_name, node.func.attr) in SYSTEM_TIME:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p != CLOCK_MODULE)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_only_the_clock_module_reads_the_system_time(path: Path) -> None:
    assert system_time_calls(path) == [], f"{path.relative_to(SRC)} reads the system's time"


def test_the_checker_sees_every_spelling(tmp_path: Path) -> None:
    leaky = tmp_path / "leaky.py"
    leaky.write_text(
        "import datetime as dt\n"
        "from datetime import UTC, date, datetime\n"
        "a = datetime.now(UTC)\n"
        "b = date.today()\n"
        "c = dt.datetime.utcnow()\n"
        "d = dt.date.today()\n"
        "e = clock.today()\n"
        "f = datetime.now\n",
        encoding="utf-8",
    )
    assert [line.split(":")[0] for line in system_time_calls(leaky)] == ["3", "4", "5", "6"]
    assert system_time_calls(CLOCK_MODULE), "the clock module is the one place that reads it"
