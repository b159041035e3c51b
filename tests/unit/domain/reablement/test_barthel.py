"""Barthel Index: the ten items, their allowed scores and the total."""

from __future__ import annotations

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.reablement.barthel import ALLOWED_SCORES, MAX_TOTAL, BarthelItem, BarthelScore


def full(**overrides: int) -> dict[BarthelItem, int]:
    scores = {item: max(allowed) for item, allowed in ALLOWED_SCORES.items()}
    scores.update({BarthelItem(k): v for k, v in overrides.items()})
    return scores


def test_the_ten_items_and_their_scores_are_those_of_the_index() -> None:
    assert {item.value: scores for item, scores in ALLOWED_SCORES.items()} == {
        "feeding": (0, 5, 10),
        "bathing": (0, 5),
        "grooming": (0, 5),
        "dressing": (0, 5, 10),
        "bowels": (0, 5, 10),
        "bladder": (0, 5, 10),
        "toilet_use": (0, 5, 10),
        "transfers": (0, 5, 10, 15),
        "mobility": (0, 5, 10, 15),
        "stairs": (0, 5, 10),
    }
    assert MAX_TOTAL == 100


def test_total_of_a_full_score_is_100_and_of_zeros_is_0() -> None:
    assert BarthelScore(full()).total == 100
    assert BarthelScore(dict.fromkeys(BarthelItem, 0)).total == 0


def test_total_adds_the_items() -> None:
    assert BarthelScore(full(transfers=5, stairs=0, bathing=0)).total == 100 - 10 - 10 - 5


def test_string_keys_are_accepted() -> None:
    score = BarthelScore({item.value: max(s) for item, s in ALLOWED_SCORES.items()})  # type: ignore[misc]
    assert score.items[BarthelItem.FEEDING] == 10


@pytest.mark.parametrize(
    ("item", "score"),
    [
        ("bathing", 10),
        ("grooming", 10),
        ("feeding", 15),
        ("transfers", 20),
        ("stairs", 3),
        ("mobility", -5),
    ],
)
def test_a_score_the_item_does_not_allow_is_rejected(item: str, score: int) -> None:
    with pytest.raises(DomainValidationError) as err:
        BarthelScore(full(**{item: score}))
    assert err.value.field == f"barthel.{item}"
    assert str(score) in err.value.message


def test_non_integer_scores_are_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        BarthelScore({**full(), BarthelItem.FEEDING: 5.0})  # type: ignore[dict-item]
    assert err.value.field == "barthel.feeding"


def test_every_item_is_required() -> None:
    scores = full()
    del scores[BarthelItem.STAIRS]
    with pytest.raises(DomainValidationError) as err:
        BarthelScore(scores)
    assert err.value.field == "barthel"
    assert "stairs" in err.value.message


def test_unknown_item_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        BarthelScore({**full(), "swimming": 5})  # type: ignore[dict-item]
    assert err.value.field == "barthel.item"
