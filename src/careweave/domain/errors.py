"""Errors the domain raises. Each names the field that was wrong so every entry point can say so."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error careweave's domain raises on purpose."""


class DomainValidationError(DomainError, ValueError):
    """A value broke a domain rule.

    Parameters
    ----------
    field
        Dotted name of the offending field, e.g. ``"visit.window_end"``.
    message
        What was wrong, in plain words.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFoundError(DomainError):
    """A record that was asked for does not exist (or the asker may not know it exists)."""

    def __init__(self, kind: str, ident: str) -> None:
        super().__init__(f"{kind} {ident!r} not found")
        self.kind = kind
        self.ident = ident


class ConflictError(DomainError):
    """A write conflicts with the current state (a duplicate, or someone else changed it first)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDeniedError(DomainError):
    """The actor may not do this."""
