"""Checks shared by the directory's records: HSDS identifiers, optional text, web addresses, email.

HSDS 3.0 identifies every record with a UUID (``format: uuid`` in the UK profile's schemas), so
directory records carry the canonical 36-character form rather than careweave's own hex ids.
"""

from __future__ import annotations

import re
import uuid
from datetime import date

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_text

SHORT_TEXT = 255
LONG_TEXT = 8000

_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def new_hsds_id() -> str:
    """A new record identifier: a random UUID in its canonical form."""
    return str(uuid.uuid4())


def require_uuid(field: str, value: str) -> str:
    """``value`` as a canonical lower-case UUID, or raise naming ``field``."""
    if not isinstance(value, str):
        raise DomainValidationError(field, "must be a UUID")
    if _CANONICAL_UUID.fullmatch(value):
        return value  # already canonical: the common case when reading the store, kept cheap
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise DomainValidationError(field, f"{value!r} is not a UUID") from None


def optional_uuid(field: str, value: str | None) -> str | None:
    """Like :func:`require_uuid`, letting ``None`` (or blank) through as ``None``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return require_uuid(field, value)


def optional_text(field: str, value: str, max_length: int = SHORT_TEXT) -> str:
    """``value`` stripped ('' allowed), or raise when it is not text or too long."""
    return require_text(field, value, max_length=max_length, allow_empty=True)


def optional_url(field: str, value: str) -> str:
    """An http(s) address or '', or raise naming ``field``."""
    cleaned = optional_text(field, value, max_length=2000)
    if cleaned and not _URL.match(cleaned):
        raise DomainValidationError(
            field, f"{cleaned!r} is not a web address (http:// or https://)"
        )
    return cleaned


def optional_email(field: str, value: str) -> str:
    """An email address or '', or raise naming ``field``."""
    cleaned = optional_text(field, value, max_length=320)
    if cleaned and not _EMAIL.match(cleaned):
        raise DomainValidationError(field, f"{cleaned!r} is not an email address")
    return cleaned


def optional_date(field: str, value: date | None) -> date | None:
    """``value`` when it is a date or ``None``, else raise naming ``field``."""
    if value is not None and not isinstance(value, date):
        raise DomainValidationError(field, "must be a date")
    return value


def check_date_order(field: str, start: date | None, end: date | None) -> None:
    """Raise naming ``field`` (the end) when ``end`` comes before ``start``."""
    if start is not None and end is not None and end < start:
        raise DomainValidationError(field, "must not be before the start date")


def check_unique_ids(field: str, ids: list[str]) -> None:
    """Raise naming ``field`` when an identifier appears twice."""
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise DomainValidationError(field, f"the id {ident} appears twice")
        seen.add(ident)
