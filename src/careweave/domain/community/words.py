"""The words of a free-text search, as both full-text indexes take them."""

from __future__ import annotations

from careweave.domain.errors import DomainValidationError

MAX_SEARCH_LENGTH = 200
# A long query is cut to its first words: more only slows the index without narrowing much.
MAX_WORDS = 12


def search_words(text: str, field: str = "search") -> tuple[str, ...]:
    """The words of ``text``: lower case, letters and digits only (punctuation would read as
    operators to either index), the first :data:`MAX_WORDS`."""
    if len(text) > MAX_SEARCH_LENGTH:
        raise DomainValidationError(field, f"must be at most {MAX_SEARCH_LENGTH} characters")
    cleaned = "".join(c if c.isalnum() else " " for c in text.lower())
    return tuple(cleaned.split())[:MAX_WORDS]
