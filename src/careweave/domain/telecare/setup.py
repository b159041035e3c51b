"""How careweave answers for one person's home: who is told in what order, and how to get in."""

from __future__ import annotations

from dataclasses import dataclass, field

from careweave.domain.telecare.alerts import EscalationChain
from careweave.domain.values import require_text

KEY_SAFE_NOTE_MAX_LENGTH = 300


@dataclass(frozen=True, slots=True)
class TelecareSetup:
    """A person's telecare set-up.

    Parameters
    ----------
    person_id
        Whose home.
    chain
        Who is told about an alert, in order (:meth:`EscalationChain.default` unless set).
    key_safe_note
        Where the key safe is and how to get its code (never the code itself in plain view of
        people who do not need it: the console shows it to the responder handling an alert).
    """

    person_id: str
    chain: EscalationChain = field(default_factory=EscalationChain.default)
    key_safe_note: str = ""

    def __post_init__(self) -> None:
        note = require_text(
            "key_safe_note",
            self.key_safe_note,
            max_length=KEY_SAFE_NOTE_MAX_LENGTH,
            allow_empty=True,
        )
        object.__setattr__(self, "key_safe_note", note)
