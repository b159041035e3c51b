"""The arrows point inward only: the domain and the optimiser import no framework and no database."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "careweave"

FRAMEWORKS = {
    "sqlalchemy",
    "alembic",
    "psycopg",
    "fastapi",
    "starlette",
    "pydantic",
    "pydantic_settings",
    "typer",
    "click",
    "jinja2",
    "httpx",
    "uvicorn",
    "fhir",
}


def imported_top_level(path: Path) -> set[str]:
    """Every module name a file imports, as its top-level package (``a.b.c`` -> ``a``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def python_files(package: str) -> list[Path]:
    files = sorted((SRC / package).rglob("*.py"))
    assert files, f"no Python files found under {package}"
    return files


@pytest.mark.parametrize("path", python_files("domain"), ids=lambda p: p.name)
def test_domain_imports_only_the_standard_library_and_itself(path: Path) -> None:
    for name in imported_top_level(path):
        top = name.split(".")[0]
        if top == "careweave":
            assert name.startswith("careweave.domain"), f"{path.name} imports {name}"
        else:
            assert top in _stdlib(), f"{path.name} imports the non-standard module {name}"


@pytest.mark.parametrize("path", python_files("scheduling"), ids=lambda p: p.name)
def test_scheduling_imports_no_framework_and_nothing_else_of_careweave(path: Path) -> None:
    for name in imported_top_level(path):
        top = name.split(".")[0]
        assert top not in FRAMEWORKS, f"{path.name} imports the framework {name}"
        if top == "careweave":
            assert name.startswith("careweave.scheduling"), f"{path.name} imports {name}"


@pytest.mark.parametrize(
    "path", python_files("services") + python_files("demo"), ids=lambda p: p.name
)
def test_services_and_the_demo_import_no_adapter_framework_or_database(path: Path) -> None:
    for name in imported_top_level(path):
        assert not name.startswith("careweave.adapters"), f"{path.name} imports {name}"
        assert name.split(".")[0] not in FRAMEWORKS - {"pydantic"}, f"{path.name} imports {name}"


# The capability names (DESIGN.md, "Architecture"): every layer groups its modules under these.
CAPABILITIES = frozenset(
    {
        "people",
        "plans",
        "reablement",
        "rostering",
        "visits",
        "accounts",
        "workforce",
        "telecare",
        "community",
        "family_support",
        "commissioning",
        "evaluation",
        "pathways",
    }
)
ROOT = SRC.parents[1]
CAPABILITY_FOLDERS = (
    SRC / "domain",
    SRC / "services",
    SRC / "adapters" / "storage",
    SRC / "adapters" / "web" / "api",
    SRC / "adapters" / "web" / "pages",
    SRC / "adapters" / "web" / "templates" / "pages",
    ROOT / "tests" / "unit" / "domain",
    ROOT / "tests" / "unit" / "services",
)
# Folders beside the capabilities that are not one: Alembic's migrations.
NOT_CAPABILITIES = frozenset({"migrations", "__pycache__"})


@pytest.mark.parametrize("folder", CAPABILITY_FOLDERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_subfolder_of_a_layer_is_named_after_a_capability(folder: Path) -> None:
    subfolders = {p.name for p in folder.iterdir() if p.is_dir()} - NOT_CAPABILITIES
    assert subfolders, f"{folder} has no capability folders"
    assert subfolders <= CAPABILITIES, f"not a capability name: {sorted(subfolders - CAPABILITIES)}"


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    leaky = tmp_path / "leaky.py"
    leaky.write_text("import sqlalchemy\nfrom fastapi import FastAPI\n", encoding="utf-8")
    assert imported_top_level(leaky) == {"sqlalchemy", "fastapi"}


def _stdlib() -> frozenset[str]:
    import sys

    return frozenset(sys.stdlib_module_names)
