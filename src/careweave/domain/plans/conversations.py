"""The three conversations of strengths-based practice (Partners4Change "3 Conversations").

1. Listen and connect: what matters to the person, their strengths, and connections to
   personal, family and community support.
2. Work intensively in crisis: the risks, a contingency, a short-term plan and when it will be
   reviewed.
3. Build a good life: long-term outcomes, and the resources to reach them, including a personal
   budget and community assets.

A person starts with conversation 1 and moves on to 3, directly or through 2 (1→3 or 1→2→3);
a stage may be held more than once. Each record keeps who held it, when, what was agreed and
the actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careweave.domain.errors import DomainValidationError
from careweave.domain.values import new_id, require_member, require_text


class ConversationKind(StrEnum):
    """Which of the three conversations."""

    LISTEN_AND_CONNECT = "listen_and_connect"
    CRISIS = "crisis"
    GOOD_LIFE = "good_life"

    @property
    def number(self) -> int:
        """1, 2 or 3."""
        return _ORDER.index(self) + 1

    @property
    def needs_review_date(self) -> bool:
        """Whether the conversation sets when its plan is reviewed: conversation 2 (crisis) only."""
        return self is ConversationKind.CRISIS

    @property
    def may_record_budget(self) -> bool:
        """Whether the conversation may record a personal budget: conversation 3 only."""
        return self is ConversationKind.GOOD_LIFE


_ORDER = (ConversationKind.LISTEN_AND_CONNECT, ConversationKind.CRISIS, ConversationKind.GOOD_LIFE)

CONVERSATION_TITLES: dict[ConversationKind, str] = {
    ConversationKind.LISTEN_AND_CONNECT: "Conversation 1: listen and connect",
    ConversationKind.CRISIS: "Conversation 2: work intensively with people in crisis",
    ConversationKind.GOOD_LIFE: "Conversation 3: build a good life",
}

# Which conversation may follow the latest one held (staying at a stage is allowed).
NEXT_ALLOWED: dict[ConversationKind, frozenset[ConversationKind]] = {
    ConversationKind.LISTEN_AND_CONNECT: frozenset(ConversationKind),
    ConversationKind.CRISIS: frozenset({ConversationKind.CRISIS, ConversationKind.GOOD_LIFE}),
    ConversationKind.GOOD_LIFE: frozenset({ConversationKind.GOOD_LIFE}),
}

# The topics each conversation must cover (field name -> words for the form and errors).
REQUIRED_TOPICS: dict[ConversationKind, dict[str, str]] = {
    ConversationKind.LISTEN_AND_CONNECT: {
        "what_matters": "what matters to the person",
        "strengths": "their strengths",
        "connections": "connections to personal, family and community support",
    },
    ConversationKind.CRISIS: {
        "risks": "the risks",
        "contingency": "the contingency",
        "short_term_plan": "the short-term plan",
    },
    ConversationKind.GOOD_LIFE: {
        "long_term_outcomes": "the long-term outcomes",
        "resources": "the resources, including the personal budget",
        "community_assets": "the community assets",
    },
}

ALL_TOPICS: tuple[str, ...] = tuple(name for topics in REQUIRED_TOPICS.values() for name in topics)
TOPIC_MAX_LENGTH = 4000


@dataclass(frozen=True, slots=True)
class AgreedAction:
    """An action agreed in a conversation."""

    what: str
    who: str
    by_when: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "what", require_text("action.what", self.what, max_length=500))
        object.__setattr__(self, "who", require_text("action.who", self.who, max_length=200))


@dataclass(frozen=True, slots=True)
class Conversation:
    """The record of one conversation.

    Parameters
    ----------
    topics
        The conversation's notes by topic (see :data:`REQUIRED_TOPICS`); every topic of the kind
        is required and topics of other kinds are rejected.
    review_on
        Conversation 2 only (required there): when the short-term plan will be reviewed.
    personal_budget_pence
        Conversation 3 only (optional): the personal budget a year, in pence.
    """

    person_id: str
    kind: ConversationKind
    held_on: date
    held_by: str
    agreed: str
    topics: dict[str, str]
    actions: tuple[AgreedAction, ...] = ()
    review_on: date | None = None
    personal_budget_pence: int | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        kind = require_member("conversation.kind", self.kind, ConversationKind)
        object.__setattr__(self, "kind", kind)
        if not isinstance(self.held_on, date):
            raise DomainValidationError("conversation.held_on", "must be a date")
        object.__setattr__(
            self, "held_by", require_text("conversation.held_by", self.held_by, max_length=120)
        )
        object.__setattr__(
            self,
            "agreed",
            require_text("conversation.agreed", self.agreed, max_length=TOPIC_MAX_LENGTH),
        )
        object.__setattr__(self, "topics", _clean_topics(kind, self.topics))
        self._check_kind_fields(kind)

    def _check_kind_fields(self, kind: ConversationKind) -> None:
        if kind.needs_review_date:
            if self.review_on is None:
                raise DomainValidationError(
                    "conversation.review_on", "a crisis plan needs a review date"
                )
            if self.review_on < self.held_on:
                raise DomainValidationError(
                    "conversation.review_on", "must not be before the conversation"
                )
        elif self.review_on is not None:
            raise DomainValidationError("conversation.review_on", "is for conversation 2 only")
        if self.personal_budget_pence is not None:
            if not kind.may_record_budget:
                raise DomainValidationError(
                    "conversation.personal_budget_pence", "is for conversation 3 only"
                )
            if (
                isinstance(self.personal_budget_pence, bool)
                or not isinstance(self.personal_budget_pence, int)
                or self.personal_budget_pence < 0
            ):
                raise DomainValidationError(
                    "conversation.personal_budget_pence",
                    "must be a whole number of pence, 0 or more",
                )


def _clean_topics(kind: ConversationKind, topics: dict[str, str]) -> dict[str, str]:
    required = REQUIRED_TOPICS[kind]
    for name in topics:
        if name not in required:
            raise DomainValidationError(
                f"conversation.{name}", f"is not a topic of {CONVERSATION_TITLES[kind].lower()}"
            )
    cleaned: dict[str, str] = {}
    for name, words in required.items():
        text = require_text(
            f"conversation.{name}",
            topics.get(name, ""),
            max_length=TOPIC_MAX_LENGTH,
            allow_empty=True,
        )
        if not text:
            raise DomainValidationError(f"conversation.{name}", f"record {words}")
        cleaned[name] = text
    return cleaned


def check_next_conversation(history: Sequence[Conversation], new: Conversation) -> None:
    """Raise unless ``new`` may follow the person's earlier conversations (1→3 or 1→2→3)."""
    if any(c.person_id != new.person_id for c in history):
        raise DomainValidationError("conversation.person_id", "the history is of another person")
    if not history:
        if new.kind != ConversationKind.LISTEN_AND_CONNECT:
            raise DomainValidationError(
                "conversation.kind",
                "the first conversation with a person is conversation 1 (listen and connect)",
            )
        return
    latest = max(history, key=lambda c: (c.held_on, c.kind.number))
    if new.held_on < latest.held_on:
        raise DomainValidationError(
            "conversation.held_on",
            f"must not be before the last conversation ({latest.held_on.isoformat()})",
        )
    if new.kind not in NEXT_ALLOWED[latest.kind]:
        raise DomainValidationError(
            "conversation.kind",
            f"conversation {new.kind.number} cannot follow conversation {latest.kind.number}; "
            "people move 1→3 or 1→2→3",
        )
