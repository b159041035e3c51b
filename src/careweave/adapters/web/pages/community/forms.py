"""Reading the community pages' form fields; a bad value names its field."""

from __future__ import annotations

from datetime import date

from starlette.datastructures import FormData

from careweave.domain.errors import DomainValidationError


def text(form: FormData, name: str) -> str:
    """The field ``name`` as stripped text ('' when it is missing or is a file)."""
    value = form.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def day(form: FormData, name: str) -> date:
    """The field ``name`` as a date written YYYY-MM-DD.

    Raises
    ------
    DomainValidationError
        Naming ``name``, when the field is empty or not such a date.
    """
    try:
        return date.fromisoformat(text(form, name))
    except ValueError:
        raise DomainValidationError(name, "give a date as YYYY-MM-DD") from None
