"""The Open Referral UK profile's schemas and OpenAPI, read from ``shared/`` beside the repository
(``../shared/standards/hsds-uk``, CC BY-SA 4.0) and never copied in, for validating what careweave
serves and exports with ``jsonschema`` (draft 2020-12, formats checked).

The OpenAPI's response schemas refer to the compiled schemas by their published addresses
(``https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/...``); a
``referencing`` registry serves those addresses from the local copies, so nothing is fetched.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from tests.shared_data import SHARED

HSDS_UK = Path(os.environ.get("CAREWEAVE_HSDS_UK_DIR", SHARED / "standards" / "hsds-uk"))
SCHEMAS = HSDS_UK / "schema"
PUBLISHED = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
OPENAPI_URI = "urn:careweave:oruk-openapi"

if os.environ.get("CI") and not SCHEMAS.exists():
    raise RuntimeError(f"the UK profile's schemas are not at {SCHEMAS}")

needs_hsds_uk = pytest.mark.skipif(not SCHEMAS.exists(), reason=f"no UK profile at {SCHEMAS}")


@cache
def _registry() -> Registry:
    resources = [
        (
            PUBLISHED + str(path.relative_to(SCHEMAS)),
            Resource.from_contents(_json(path), DRAFT202012),
        )
        for path in sorted(SCHEMAS.rglob("*.json"))
    ]
    resources.append((OPENAPI_URI, Resource.from_contents(openapi(), DRAFT202012)))
    return Registry().with_resources(resources)


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def openapi() -> dict[str, Any]:
    """The profile's OpenAPI document."""
    document: dict[str, Any] = _json(SCHEMAS / "openapi.json")
    return document


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def response_validator(path: str) -> Draft202012Validator:
    """A validator for the 200 answer of ``GET path`` as the profile's OpenAPI declares it."""
    pointer = _pointer(
        "paths", path, "get", "responses", "200", "content", "application/json", "schema"
    )
    return _validator({"$ref": f"{OPENAPI_URI}#/{pointer}"})


def schema_validator(name: str) -> Draft202012Validator:
    """A validator for one of the profile's schemas, e.g. ``compiled/service.json``."""
    return _validator({"$ref": PUBLISHED + name})


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def problems(validator: Draft202012Validator, instance: Any) -> list[str]:
    """Every way ``instance`` breaks the schema, as ``path: message`` lines."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(instance)
    ]
