"""connected_groups: items joined directly or through others, in a stable order."""

from __future__ import annotations

from careweave.scheduling.groups import connected_groups


def test_items_joined_through_others_form_one_group_in_their_own_order() -> None:
    groups = connected_groups("abcdef", [("e", "b"), ("b", "d"), ("f", "f")])
    assert groups == [["a"], ["b", "d", "e"], ["c"], ["f"]]


def test_a_pair_naming_an_unknown_item_is_ignored() -> None:
    assert connected_groups([1, 2], [(1, 3), (3, 2)]) == [[1], [2]]
