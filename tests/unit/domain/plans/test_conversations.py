"""The three conversations: required topics per kind and the 1→3 / 1→2→3 pathway."""

from __future__ import annotations

from datetime import date

import pytest

from careweave.domain.errors import DomainValidationError
from careweave.domain.plans.conversations import (
    REQUIRED_TOPICS,
    AgreedAction,
    Conversation,
    ConversationKind,
    check_next_conversation,
)

L, C, G = ConversationKind.LISTEN_AND_CONNECT, ConversationKind.CRISIS, ConversationKind.GOOD_LIFE


def conv(kind: ConversationKind, day: int = 1, **changes: object) -> Conversation:
    fields: dict[str, object] = {
        "person_id": "p1",
        "kind": kind,
        "held_on": date(2026, 3, day),
        "held_by": "Sam",
        "agreed": "Try the lunch club",
        "topics": {name: f"notes on {name}" for name in REQUIRED_TOPICS[kind]},
        "actions": (AgreedAction("Ring the lunch club", "Sam", date(2026, 3, 8)),),
        "review_on": date(2026, 3, 20) if kind == C else None,
    }
    fields.update(changes)
    return Conversation(**fields)  # type: ignore[arg-type]


def test_numbers() -> None:
    assert (L.number, C.number, G.number) == (1, 2, 3)


@pytest.mark.parametrize("kind", list(ConversationKind))
def test_each_kind_needs_its_topics(kind: ConversationKind) -> None:
    first = next(iter(REQUIRED_TOPICS[kind]))
    topics = {name: "x" for name in REQUIRED_TOPICS[kind] if name != first}
    with pytest.raises(DomainValidationError) as err:
        conv(kind, topics=topics)
    assert err.value.field == f"conversation.{first}"


def test_topic_of_another_kind_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        conv(L, topics={**dict.fromkeys(REQUIRED_TOPICS[L], "x"), "risks": "x"})
    assert err.value.field == "conversation.risks"


def test_crisis_needs_a_review_date_not_before_the_conversation() -> None:
    with pytest.raises(DomainValidationError) as err:
        conv(C, review_on=None)
    assert err.value.field == "conversation.review_on"
    with pytest.raises(DomainValidationError) as err:
        conv(C, day=10, review_on=date(2026, 3, 5))
    assert err.value.field == "conversation.review_on"


def test_review_date_only_for_crisis() -> None:
    with pytest.raises(DomainValidationError) as err:
        conv(L, review_on=date(2026, 3, 20))
    assert err.value.field == "conversation.review_on"


def test_personal_budget_only_in_conversation_3() -> None:
    assert conv(G, personal_budget_pence=1_200_000).personal_budget_pence == 1_200_000
    with pytest.raises(DomainValidationError) as err:
        conv(L, personal_budget_pence=100)
    assert err.value.field == "conversation.personal_budget_pence"
    with pytest.raises(DomainValidationError) as err:
        conv(G, personal_budget_pence=-1)
    assert err.value.field == "conversation.personal_budget_pence"


@pytest.mark.parametrize(
    ("kind", "review_date", "budget"),
    [
        (ConversationKind.LISTEN_AND_CONNECT, False, False),
        (ConversationKind.CRISIS, True, False),
        (ConversationKind.GOOD_LIFE, False, True),
    ],
)
def test_which_conversation_sets_a_review_date_and_which_records_a_budget(
    kind: ConversationKind, review_date: bool, budget: bool
) -> None:
    assert kind.needs_review_date is review_date
    assert kind.may_record_budget is budget


def test_needs_who_and_what_was_agreed() -> None:
    with pytest.raises(DomainValidationError) as err:
        conv(L, held_by="")
    assert err.value.field == "conversation.held_by"
    with pytest.raises(DomainValidationError) as err:
        conv(L, agreed="")
    assert err.value.field == "conversation.agreed"
    with pytest.raises(DomainValidationError) as err:
        AgreedAction("", "Sam")
    assert err.value.field == "action.what"


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(DomainValidationError) as err:
        Conversation("p1", "chat", date(2026, 3, 1), "Sam", "x", {})  # type: ignore[arg-type]
    assert err.value.field == "conversation.kind"


@pytest.mark.parametrize("path", [(L,), (L, G), (L, C, G), (L, L, C, C, G, G), (L, C)])
def test_allowed_pathways(path: tuple[ConversationKind, ...]) -> None:
    history: list[Conversation] = []
    for day, kind in enumerate(path, start=1):
        new = conv(kind, day=day)
        check_next_conversation(history, new)
        history.append(new)


@pytest.mark.parametrize(
    ("history", "new"), [((), C), ((), G), ((L, G), C), ((L, C, G), L), ((L, C), L)]
)
def test_forbidden_pathways(history: tuple[ConversationKind, ...], new: ConversationKind) -> None:
    done = [conv(kind, day=d) for d, kind in enumerate(history, start=1)]
    with pytest.raises(DomainValidationError) as err:
        check_next_conversation(done, conv(new, day=len(history) + 1))
    assert err.value.field == "conversation.kind"


def test_cannot_record_before_the_last_conversation() -> None:
    with pytest.raises(DomainValidationError) as err:
        check_next_conversation([conv(L, day=10)], conv(G, day=5))
    assert err.value.field == "conversation.held_on"


def test_history_must_be_the_same_persons() -> None:
    with pytest.raises(DomainValidationError) as err:
        check_next_conversation([conv(L, person_id="p2")], conv(G, day=2))
    assert err.value.field == "conversation.person_id"
