"""Taxonomies and their terms: the vocabularies that say what a service is for (HSDS ``taxonomy``
and ``taxonomy_term``). A term may have a parent, so a search for a broad need also finds the
services tagged with its narrower terms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from careweave.domain.community.fields import (
    LONG_TEXT,
    new_hsds_id,
    optional_text,
    optional_url,
    optional_uuid,
    require_uuid,
)
from careweave.domain.errors import DomainValidationError
from careweave.domain.values import require_text


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """A published vocabulary, such as a local needs list or the LGA's service types."""

    name: str
    description: str
    uri: str = ""
    version: str = ""
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("taxonomy.id", self.id))
        object.__setattr__(self, "name", require_text("taxonomy.name", self.name, max_length=255))
        object.__setattr__(
            self,
            "description",
            require_text("taxonomy.description", self.description, max_length=LONG_TEXT),
        )
        object.__setattr__(self, "uri", optional_url("taxonomy.uri", self.uri))
        object.__setattr__(self, "version", optional_text("taxonomy.version", self.version))


@dataclass(frozen=True, slots=True)
class TaxonomyTerm:
    """One term of a taxonomy (or a free-standing term when ``taxonomy_id`` is ``None``).

    ``code`` is the term's code in its vocabulary (HSDS ``term``), ``taxonomy`` the vocabulary's
    name as the source wrote it.
    """

    name: str
    description: str
    taxonomy_id: str | None = None
    parent_id: str | None = None
    code: str = ""
    taxonomy: str = ""
    term_uri: str = ""
    id: str = field(default_factory=new_hsds_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", require_uuid("taxonomy_term.id", self.id))
        object.__setattr__(
            self, "name", require_text("taxonomy_term.name", self.name, max_length=255)
        )
        object.__setattr__(
            self,
            "description",
            require_text("taxonomy_term.description", self.description, max_length=LONG_TEXT),
        )
        object.__setattr__(
            self, "taxonomy_id", optional_uuid("taxonomy_term.taxonomy_id", self.taxonomy_id)
        )
        object.__setattr__(
            self, "parent_id", optional_uuid("taxonomy_term.parent_id", self.parent_id)
        )
        if self.parent_id == self.id:
            raise DomainValidationError(
                "taxonomy_term.parent_id", "a term cannot be its own parent"
            )
        object.__setattr__(self, "code", optional_text("taxonomy_term.term", self.code))
        object.__setattr__(self, "taxonomy", optional_text("taxonomy_term.taxonomy", self.taxonomy))
        object.__setattr__(self, "term_uri", optional_url("taxonomy_term.term_uri", self.term_uri))


def with_narrower_terms(term_ids: Iterable[str], terms: Mapping[str, TaxonomyTerm]) -> set[str]:
    """``term_ids`` and every term below them in the hierarchy of ``terms`` (by id).

    A link worker looking for "physical activity" also wants "walking groups" filed under it.
    """
    children: dict[str, list[str]] = {}
    for term in terms.values():
        if term.parent_id is not None:
            children.setdefault(term.parent_id, []).append(term.id)
    found: set[str] = set()
    waiting = list(term_ids)
    while waiting:
        current = waiting.pop()
        if current not in found:
            found.add(current)
            waiting.extend(children.get(current, ()))
    return found


def check_no_parent_cycle(terms: Mapping[str, TaxonomyTerm]) -> None:
    """Raise naming the first term whose chain of parents loops back to itself."""
    for start in sorted(terms):
        seen = {start}
        current = terms[start].parent_id
        while current is not None and current in terms:
            if current in seen:
                raise DomainValidationError(
                    f"taxonomy_term[{start}].parent_id", "the chain of parent terms loops"
                )
            seen.add(current)
            current = terms[current].parent_id
