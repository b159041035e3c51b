"""Conversions between family-support records and their rows' JSON bodies."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Any

from careweave.adapters.storage.json_columns import Json
from careweave.domain.family_support.arrangements import Agreement, Arrangement, Decline, Review
from careweave.domain.family_support.calendar import Stay, Unavailability
from careweave.domain.family_support.households import (
    Approval,
    CarerHousehold,
    DbsCheck,
    HouseholdMember,
    Reference,
    Training,
)
from careweave.domain.family_support.offer import Offer, Room
from careweave.domain.family_support.referrals import Limits, Place, Wishes
from careweave.domain.values import Location


def _codes(values: Iterable[StrEnum | str]) -> list[str]:
    return sorted(str(v) for v in values)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def member_to_json(m: HouseholdMember) -> Json:
    """A household member with their DBS check."""
    dbs = (
        None
        if m.dbs is None
        else {"issued_on": m.dbs.issued_on.isoformat(), "update_service": m.dbs.on_update_service}
    )
    return {"name": m.name, "role": m.role.value, "dbs": dbs}


def member_from_json(d: Json) -> HouseholdMember:
    """A member from :func:`member_to_json`."""
    dbs = d["dbs"]
    check = (
        None
        if dbs is None
        else DbsCheck(date.fromisoformat(dbs["issued_on"]), dbs["update_service"])
    )
    return HouseholdMember(d["name"], d["role"], check)


def offer_to_json(o: Offer) -> Json:
    """What a household offers."""
    return {
        "arrangement_types": _codes(o.arrangement_types),
        "places": o.places,
        "day_places": o.day_places,
        "rooms": [{"name": r.name, "features": _codes(r.features)} for r in o.rooms],
        "home_features": _codes(o.home_features),
        "pets": _codes(o.pets),
        "smoking": o.smoking.value,
        "accepts_smokers": o.accepts_smokers,
        "faith": o.faith,
        "languages": _codes(o.languages),
        "interests": _codes(o.interests),
        "routines": _codes(o.routines),
        "lifestyle": o.lifestyle.value,
    }


def offer_from_json(d: Json) -> Offer:
    """An offer from :func:`offer_to_json`."""
    fields: dict[str, Any] = dict(d)
    fields["rooms"] = tuple(Room(r["name"], frozenset(r["features"])) for r in d["rooms"])
    for name in (
        "arrangement_types",
        "home_features",
        "pets",
        "languages",
        "interests",
        "routines",
    ):
        fields[name] = frozenset(d[name])
    return Offer(**fields)


def approval_to_json(a: Approval | None) -> Json | None:
    """The panel's approval."""
    if a is None:
        return None
    return {
        "approved_on": a.approved_on.isoformat(),
        "review_on": a.review_on.isoformat(),
        "max_people": a.max_people,
        "support_groups": _codes(a.support_groups),
        "conditions": list(a.conditions),
    }


def approval_from_json(d: Json | None) -> Approval | None:
    """An approval from :func:`approval_to_json`."""
    if d is None:
        return None
    return Approval(
        date.fromisoformat(d["approved_on"]),
        date.fromisoformat(d["review_on"]),
        d["max_people"],
        frozenset(d["support_groups"]),
        tuple(d["conditions"]),
    )


def household_body(h: CarerHousehold) -> Json:
    """The JSON body of a household: everything but its columns."""
    return {
        "members": [member_to_json(m) for m in h.members],
        "references": [
            {
                "referee": r.referee,
                "received_on": r.received_on.isoformat(),
                "satisfactory": r.satisfactory,
            }
            for r in h.references
        ],
        "training": [
            {"skill": t.skill.value, "done_on": t.done_on.isoformat(), "due_on": _iso(t.due_on)}
            for t in h.training
        ],
        "offer": offer_to_json(h.offer),
        "approval": approval_to_json(h.approval),
        "unavailable": [
            {
                "first": u.first_night.isoformat(),
                "last": u.last_night.isoformat(),
                "reason": u.reason,
            }
            for u in h.unavailable
        ],
        "excluded_person_ids": sorted(h.excluded_person_ids),
    }


def household_fields(body: Json) -> dict[str, Any]:
    """The household's fields from :func:`household_body`."""
    return {
        "members": tuple(member_from_json(m) for m in body["members"]),
        "references": tuple(
            Reference(r["referee"], date.fromisoformat(r["received_on"]), r["satisfactory"])
            for r in body["references"]
        ),
        "training": tuple(
            Training(t["skill"], date.fromisoformat(t["done_on"]), _day(t["due_on"]))
            for t in body["training"]
        ),
        "offer": offer_from_json(body["offer"]),
        "approval": approval_from_json(body["approval"]),
        "unavailable": tuple(
            Unavailability(
                date.fromisoformat(u["first"]), date.fromisoformat(u["last"]), u["reason"]
            )
            for u in body["unavailable"]
        ),
        "excluded_person_ids": frozenset(body["excluded_person_ids"]),
    }


def stays_to_json(stays: Iterable[Stay]) -> list[Json]:
    """Short-break stays."""
    return [
        {"arrive_on": s.arrive_on.isoformat(), "leave_on": s.leave_on.isoformat()} for s in stays
    ]


def stays_from_json(items: list[Json]) -> tuple[Stay, ...]:
    """Stays from :func:`stays_to_json`."""
    return tuple(
        Stay(date.fromisoformat(s["arrive_on"]), date.fromisoformat(s["leave_on"])) for s in items
    )


def wishes_to_json(w: Wishes) -> Json:
    """What the person wants from a household."""
    return {
        "lifestyle": w.lifestyle.value,
        "pets": w.pets.value,
        "faith": w.faith,
        "faith_matters": w.faith_matters,
        "languages": _codes(w.languages),
        "interests": _codes(w.interests),
        "routines": _codes(w.routines),
        "smokes": w.smokes,
        "near": [
            {"label": p.label, "kind": p.kind.value, "lat": p.location.lat, "lon": p.location.lon}
            for p in w.near
        ],
    }


def wishes_from_json(d: Json) -> Wishes:
    """Wishes from :func:`wishes_to_json`."""
    fields: dict[str, Any] = dict(d)
    for name in ("languages", "interests", "routines"):
        fields[name] = frozenset(d[name])
    fields["near"] = tuple(
        Place(p["label"], p["kind"], Location(p["lat"], p["lon"])) for p in d["near"]
    )
    return Wishes(**fields)


def limits_to_json(limits: Limits) -> Json:
    """The person's limits."""
    return {
        "smoke_free_home": limits.smoke_free_home,
        "no_children": limits.no_children,
        "only_person_supported": limits.only_person_supported,
        "communication_language": limits.communication_language,
        "max_distance_km": limits.max_distance_km,
        "excluded_household_ids": sorted(limits.excluded_household_ids),
    }


def limits_from_json(d: Json) -> Limits:
    """Limits from :func:`limits_to_json`."""
    return Limits(**{**d, "excluded_household_ids": frozenset(d["excluded_household_ids"])})


def arrangement_body(a: Arrangement) -> Json:
    """The JSON body of an arrangement: everything but its columns."""
    agreement = (
        None
        if a.agreement is None
        else {"terms": a.agreement.terms, "signed_on": a.agreement.signed_on.isoformat()}
    )
    decline = (
        None
        if a.decline is None
        else {
            "by": a.decline.by.value,
            "factors": _codes(a.decline.factors),
            "note": a.decline.note,
        }
    )
    return {
        "stays": stays_to_json(a.stays),
        "weekdays": sorted(a.weekdays),
        "agreement": agreement,
        "reviews": [{"held_on": r.held_on.isoformat(), "notes": r.notes} for r in a.reviews],
        "end_reason": a.end_reason.value if a.end_reason else None,
        "end_note": a.end_note,
        "decline": decline,
    }


def arrangement_fields(body: Json) -> dict[str, Any]:
    """The arrangement's fields from :func:`arrangement_body`."""
    agreement, decline = body["agreement"], body["decline"]
    return {
        "stays": stays_from_json(body["stays"]),
        "weekdays": frozenset(body["weekdays"]),
        "agreement": None
        if agreement is None
        else Agreement(agreement["terms"], date.fromisoformat(agreement["signed_on"])),
        "reviews": tuple(
            Review(date.fromisoformat(r["held_on"]), r["notes"]) for r in body["reviews"]
        ),
        "end_reason": body["end_reason"],
        "end_note": body["end_note"],
        "decline": None
        if decline is None
        else Decline(decline["by"], frozenset(decline["factors"]), decline["note"]),
    }
