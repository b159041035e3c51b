"""Conversions between reablement (Barthel scores, weekly reviews) and JSON columns."""

from __future__ import annotations

from datetime import date

from careweave.adapters.storage.json_columns import Json
from careweave.domain.reablement.barthel import BarthelScore
from careweave.domain.reablement.episodes import WeeklyReview


def barthel_to_json(score: BarthelScore | None) -> Json | None:
    """A Barthel assessment as item -> score."""
    return None if score is None else {item.value: value for item, value in score.items.items()}


def barthel_from_json(d: Json | None) -> BarthelScore | None:
    """A Barthel assessment from :func:`barthel_to_json`."""
    return None if d is None else BarthelScore(d)  # type: ignore[arg-type]


def review_to_json(r: WeeklyReview) -> Json:
    """One weekly review."""
    return {
        "held_on": r.held_on.isoformat(),
        "attendees": list(r.attendees),
        "summary": r.summary,
        "decisions": r.decisions,
    }


def review_from_json(d: Json) -> WeeklyReview:
    """One weekly review from :func:`review_to_json`."""
    return WeeklyReview(
        held_on=date.fromisoformat(d["held_on"]),
        attendees=tuple(d["attendees"]),
        summary=d["summary"],
        decisions=d["decisions"],
    )
