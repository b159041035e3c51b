"""Mapping between reablement episodes and FHIR EpisodeOfCare plus Barthel Index Observations."""

from __future__ import annotations

from careweave.adapters.fhir.extensions import (
    CODES,
    Extensions,
    Json,
    code_of,
    complex_ext,
    ext,
    optional,
    parse_date,
    reference_id,
    sub,
)
from careweave.adapters.fhir.plans import OBSERVATION_SYSTEM
from careweave.domain.errors import DomainValidationError
from careweave.domain.reablement.barthel import BarthelScore
from careweave.domain.reablement.episodes import ReablementEpisode, WeeklyReview

BARTHEL_CODE = "barthel-index"
BARTHEL_ITEM_SYSTEM = f"{CODES}barthel-item"
EPISODE_TYPE_SYSTEM = f"{CODES}episode-type"
START, END = "start", "end"


def episode_of(episode: ReablementEpisode) -> Json:
    """The FHIR EpisodeOfCare of a reablement episode."""
    period = {"start": episode.started_on.isoformat()}
    if episode.ended_on:
        period["end"] = episode.ended_on.isoformat()
    return {
        "resourceType": "EpisodeOfCare",
        "id": episode.id,
        "status": "finished" if episode.ended else "active",
        "type": [
            {
                "coding": [{"system": EPISODE_TYPE_SYSTEM, "code": "reablement"}],
                "text": "Reablement",
            }
        ],
        "patient": {"reference": f"Patient/{episode.person_id}"},
        "period": period,
        "extension": [
            ext("planned-end-on", episode.planned_end_on),
            *optional("plan-id", episode.plan_id),
            *[ext("goal-id", g) for g in episode.goal_ids],
            *optional("extension-reason", episode.extension_reason),
            *optional("end-result", episode.end_result.value if episode.end_result else None),
            *optional("at-home-after-91-days", episode.at_home_after_91_days),
            *[_review(r) for r in episode.reviews],
        ],
    }


def _review(review: WeeklyReview) -> Json:
    parts = [
        sub("held-on", review.held_on),
        *[sub("attendee", a) for a in review.attendees],
        sub("summary", review.summary),
        *optional("decisions", review.decisions, nested=True),
    ]
    return complex_ext("weekly-review", parts)


def barthel_of(episode: ReablementEpisode, phase: str, score: BarthelScore) -> Json:
    """The FHIR Observation of a Barthel assessment at the ``phase`` (start or end) of an episode."""
    day = episode.started_on if phase == START else episode.ended_on
    assert day is not None  # an end score exists only once the episode has ended
    return {
        "resourceType": "Observation",
        "id": f"{episode.id}-barthel-{phase}",
        "status": "final",
        "code": {
            "coding": [
                {"system": OBSERVATION_SYSTEM, "code": BARTHEL_CODE, "display": "Barthel Index"}
            ]
        },
        "subject": {"reference": f"Patient/{episode.person_id}"},
        "effectiveDateTime": day.isoformat(),
        "valueInteger": score.total,
        "component": [
            {
                "code": {"coding": [{"system": BARTHEL_ITEM_SYSTEM, "code": item.value}]},
                "valueInteger": value,
            }
            for item, value in score.items.items()
        ],
        "extension": [ext("episode-id", episode.id), ext("phase", phase)],
    }


def barthel_from(resource: Json) -> tuple[str, str, BarthelScore]:
    """``(episode id, phase, score)`` from a Barthel Observation; the total must add up."""
    exts = Extensions(resource.get("extension"), "Observation.extension")
    items = {
        code_of(c.get("code"), BARTHEL_ITEM_SYSTEM, "Observation.component.code"): c.get(
            "valueInteger"
        )
        for c in resource.get("component", [])
    }
    score = BarthelScore(items)  # type: ignore[arg-type]
    if resource.get("valueInteger") != score.total:
        raise DomainValidationError(
            "Observation.valueInteger", "is not the sum of the Barthel items"
        )
    phase = exts.required("phase")
    if phase not in (START, END):
        raise DomainValidationError("Observation.extension.phase", "must be start or end")
    return exts.required("episode-id"), phase, score


def episode_from(resource: Json, barthel: dict[tuple[str, str], BarthelScore]) -> ReablementEpisode:
    """The reablement episode a FHIR EpisodeOfCare describes, with its Barthel scores."""
    exts = Extensions(resource.get("extension"), "EpisodeOfCare.extension")
    period = resource.get("period") or {}
    episode_id = resource.get("id", "")
    end = period.get("end")
    reviews = tuple(
        WeeklyReview(
            held_on=r.required("held-on"),
            attendees=tuple(r.values("attendee")),
            summary=r.required("summary"),
            decisions=r.value("decisions", ""),
        )
        for r in exts.complex("weekly-review")
    )
    return ReablementEpisode(
        id=episode_id,
        person_id=reference_id(resource.get("patient"), "Patient", "EpisodeOfCare.patient"),
        started_on=parse_date(period.get("start"), "EpisodeOfCare.period.start"),
        planned_end_on=exts.required("planned-end-on"),
        plan_id=exts.value("plan-id"),
        goal_ids=tuple(exts.values("goal-id")),
        barthel_start=barthel.get((episode_id, START)),
        barthel_end=barthel.get((episode_id, END)),
        reviews=reviews,
        extension_reason=exts.value("extension-reason", ""),
        ended_on=parse_date(end, "EpisodeOfCare.period.end") if end else None,
        end_result=exts.value("end-result"),
        at_home_after_91_days=exts.value("at-home-after-91-days"),
    )


def is_barthel(resource: Json) -> bool:
    """Whether an Observation is a Barthel Index assessment."""
    codes = [
        c.get("code")
        for c in (resource.get("code") or {}).get("coding", [])
        if c.get("system") == OBSERVATION_SYSTEM
    ]
    return BARTHEL_CODE in codes
