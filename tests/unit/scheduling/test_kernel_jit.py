"""The kernel's compiled cache depends on the kernel's own sources and constants, not on the state.

numba freezes what a compiled function reads into its machine code, so ``jit.SOURCES`` must cover
every file the kernel imports; and it should cover nothing more, above all not the Python state,
which changes often and would throw the compiled cache away each time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from careweave.scheduling.search.kernel import jit

KERNEL = jit.KERNEL
SEARCH = KERNEL.parent
SRC = SEARCH.parents[2]  # search -> scheduling -> careweave -> src
STATE = SEARCH / "state.py"


def module_file(name: str) -> Path | None:
    """The file of careweave module ``name``; None for other modules and for non-modules."""
    if name.split(".")[0] != "careweave":
        return None
    base = SRC.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_files(path: Path) -> set[Path]:
    """The careweave files ``path`` imports anywhere in its code (``from a import b`` may be a
    module ``a.b`` or a name in ``a``; either way the file is found)."""
    found: set[Path] = set()
    package = ".".join(path.relative_to(SRC).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}".rstrip(".")
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found.update(f for f in map(module_file, names) if f is not None)
    return found


def names(paths: set[Path]) -> list[str]:
    return sorted(p.relative_to(SRC).as_posix() for p in paths)


def kernel_closure() -> set[Path]:
    """Every careweave file the kernel package's files import, directly or through each other."""
    seen: set[Path] = set()
    todo = sorted(KERNEL.glob("*.py"))
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo.extend(imported_files(path) - seen)
    return seen


def test_the_import_walk_finds_what_a_file_imports() -> None:
    # Guards the walk itself: the Python state is known to import the constants and the model.
    assert {SEARCH / "constants.py", SEARCH / "model.py"} <= imported_files(STATE)
    assert KERNEL / "arrays.py" in imported_files(KERNEL / "timing.py")


def test_the_kernel_imports_nothing_of_the_python_state() -> None:
    closure = kernel_closure()
    assert STATE not in closure, names(closure)
    # Nothing of the Python search at all: the kernel is its own files and the shared constants.
    assert names({p for p in closure if p.parent != KERNEL}) == names({SEARCH / "constants.py"})


def test_the_cache_key_covers_every_file_the_kernel_is_built_from() -> None:
    assert names(kernel_closure() - set(jit.SOURCES)) == []


def test_the_cache_key_leaves_out_the_python_state() -> None:
    assert STATE not in jit.SOURCES
    assert {p.name for p in jit.SOURCES if p.parent != KERNEL} == {"constants.py"}


def test_a_changed_source_drops_the_cache_and_an_unchanged_one_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, other = tmp_path / "constants.py", tmp_path / "state.py"
    source.write_text("HARD = 1.0e5\n")
    other.write_text("NEG = -1.0e18\n")
    cache = tmp_path / "__pycache__"
    cache.mkdir()
    cached = cache / "timing.run_lane-1.py311.nbi"
    monkeypatch.setattr(jit, "SOURCES", (source,))
    monkeypatch.setattr(jit, "CACHES", (cache,))
    monkeypatch.setattr(jit, "STAMP", cache / "kernel-sources.sha256")
    jit.drop_stale_cache()  # writes the stamp of the current sources
    cached.touch()
    other.write_text("NEG = -1.0e19\n")  # a file outside the sources changes
    jit.drop_stale_cache()
    assert cached.exists()
    source.write_text("HARD = 1.0e6\n")  # a source changes
    jit.drop_stale_cache()
    assert not cached.exists()
