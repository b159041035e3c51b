"""One way for every CLI command to report bad input: a plain message, exit code 2, no traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from careweave.domain.errors import (
    ConflictError,
    DomainError,
    DomainValidationError,
    NotFoundError,
    PermissionDeniedError,
)

EXIT_BAD_INPUT = 2


def fail(message: str) -> typer.Exit:
    """Print ``message`` to stderr and return the Exit to raise (``raise fail("...")``)."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=EXIT_BAD_INPUT)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn domain errors raised inside the block into a one-line message and exit code 2."""
    try:
        yield
    except DomainValidationError as exc:
        raise fail(f"{exc.field}: {exc.message}") from None
    except NotFoundError as exc:
        raise fail(str(exc)) from None
    except ConflictError as exc:
        raise fail(exc.message) from None
    except PermissionDeniedError as exc:
        raise fail(str(exc) or "not allowed") from None
    except DomainError as exc:
        raise fail(str(exc)) from None
