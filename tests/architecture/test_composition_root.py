"""One composition root: only ``careweave/bootstrap.py`` builds services and units of work.

The web app and the command line get every service from the one ``Services`` bootstrap builds,
so nothing else in careweave constructs a service, a SQL unit of work or a session factory, and
no unit of work is downcast with ``typing.cast``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "careweave"
ROOT = SRC / "bootstrap.py"


def _service_classes() -> frozenset[str]:
    """Classes of the services layer built on a unit-of-work factory: the use cases."""
    names = set()
    for path in (SRC / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(f, ast.FunctionDef)
                and f.name == "__init__"
                and "uow_factory" in [a.arg for a in f.args.args]
                for f in node.body
            ):
                names.add(node.name)
    return frozenset(names)


# By what they are, not by a name ending in "Service": the Open Referral standard's records are
# called Service too (``Service``, ``PlannedService``), and the domain builds them freely.
SERVICES = _service_classes()
BUILT_ONLY_BY_THE_ROOT = {"SqlUnitOfWork", "make_session_factory"}


def _called_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def wiring_outside_the_root(path: Path) -> list[str]:
    """``line: call`` of every service, SQL unit of work or session factory built in ``path``,
    and every ``cast`` to a unit-of-work type."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node)
        builds = name in SERVICES or name in BUILT_ONLY_BY_THE_ROOT
        downcast = name == "cast" and "UnitOfWork" in ast.unparse(node)
        if builds or downcast:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def _modules() -> list[Path]:
    # The storage package defines the factory and the unit of work it makes.
    storage = SRC / "adapters" / "storage"
    return sorted(p for p in SRC.rglob("*.py") if p != ROOT and storage not in p.parents)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_only_the_composition_root_builds_services_and_units_of_work(path: Path) -> None:
    assert wiring_outside_the_root(path) == [], f"{path.relative_to(SRC)} wires services itself"


def test_the_checker_sees_wiring(tmp_path: Path) -> None:
    leaky = tmp_path / "leaky.py"
    leaky.write_text(
        "people = PeopleService(factory, clock)\n"
        "uow = SqlUnitOfWork(sessions)\n"
        "plans = cast(Callable[[], PlansUnitOfWork], factory)\n"
        "fine = services.people.list(actor)\n",
        encoding="utf-8",
    )
    assert [line.split(":")[0] for line in wiring_outside_the_root(leaky)] == ["1", "2", "3"]
    assert wiring_outside_the_root(ROOT), "the composition root is where everything is built"


def test_the_checker_knows_a_use_case_by_its_unit_of_work_not_its_name(tmp_path: Path) -> None:
    leaky = tmp_path / "leaky.py"
    leaky.write_text(
        "reader = DirectoryReader(factory, clock)\nwalk = Service(name='Health walk')\n",
        encoding="utf-8",
    )
    assert [line.split(":")[0] for line in wiring_outside_the_root(leaky)] == ["1"]
