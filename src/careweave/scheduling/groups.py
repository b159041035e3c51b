"""Items in groups joined by pairs (union-find), for visits that must move or be staffed together."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def connected_groups(items: Iterable[T], pairs: Iterable[tuple[T, T]]) -> list[list[T]]:
    """``items`` in groups joined, directly or through others, by ``pairs``.

    A pair naming something not among ``items`` is ignored; an item in no pair is a group of its
    own. Each group keeps the items' order, and groups come in the order of their first item.
    """
    ordered = list(items)
    parent = {item: item for item in ordered}

    def root(item: T) -> T:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second in pairs:
        if first in parent and second in parent:
            parent[root(second)] = root(first)
    groups: dict[T, list[T]] = {}
    for item in ordered:
        groups.setdefault(root(item), []).append(item)
    return list(groups.values())
