"""Where the project's shared data is: the public benchmark instances and the design notes.

They live in ``shared/`` beside the repository (CI clones the repository with ``shared/`` next to
it) and are read from there, never copied in; ``CAREWEAVE_SHARED_DIR`` points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAREWEAVE_SHARED_DIR", REPO.parent / "shared"))
HHCRSP = SHARED / "benchmarks" / "hhcrsp"
TOY = HHCRSP / "toy.json"

if os.environ.get("CI") and not TOY.exists():
    # In CI a missing folder must fail loudly, not quietly skip the tests that need it.
    raise RuntimeError(f"the shared benchmark data is not at {HHCRSP}")

needs_shared_data = pytest.mark.skipif(not TOY.exists(), reason=f"no shared data at {HHCRSP}")
