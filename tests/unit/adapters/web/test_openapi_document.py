"""The OpenAPI document is valid enough for clients to generate code from: unique operation ids."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from careweave.adapters.web.app import create_app
from careweave.bootstrap import wire_services
from careweave.config import Settings


def test_every_operation_has_its_own_id(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    app = create_app(settings, wire_services(settings, lambda: None))  # type: ignore[arg-type,return-value]
    operations = [
        operation["operationId"]
        for path in app.openapi()["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict) and "operationId" in operation
    ]
    assert len(operations) > 40
    assert [op for op, n in Counter(operations).items() if n > 1] == []
    assert "get" in app.openapi()["paths"]["/health"]
