"""Conversion between people (with circle, strengths and needs) and their table rows."""

from __future__ import annotations

from typing import Any

from careweave.adapters.storage.schema import Row
from careweave.domain.people.person import (
    AboutMe,
    AboutMeSection,
    CareModel,
    CircleMember,
    CircleRole,
    EligibilityOutcome,
    Need,
    Person,
    Strength,
    StrengthKind,
)
from careweave.domain.values import Location


def person_to_row(person: Person) -> dict[str, Any]:
    """Column values of ``person``."""
    return {
        "id": person.id,
        "team_id": person.team_id,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "preferred_name": person.preferred_name,
        "date_of_birth": person.date_of_birth,
        "address": person.address,
        "postcode": person.postcode,
        "lat": person.location.lat,
        "lon": person.location.lon,
        "care_model": person.care_model.value,
        "gender": person.gender,
        "languages": list(person.languages),
        "nhs_number": person.nhs_number,
        "about_me": {key.value: text for key, text in person.about_me.sections.items()},
        "continuity_target": person.continuity_target,
    }


def person_from_row(row: Row) -> Person:
    """The :class:`Person` stored in ``row``."""
    sections = {AboutMeSection(key): text for key, text in row["about_me"].items()}
    return Person(
        given_name=row["given_name"],
        family_name=row["family_name"],
        date_of_birth=row["date_of_birth"],
        address=row["address"],
        postcode=row["postcode"],
        location=Location(row["lat"], row["lon"]),
        care_model=CareModel(row["care_model"]),
        team_id=row["team_id"],
        preferred_name=row["preferred_name"],
        gender=row["gender"],
        languages=tuple(row["languages"]),
        nhs_number=row["nhs_number"],
        about_me=AboutMe(sections),
        continuity_target=row["continuity_target"],
        id=row["id"],
    )


def circle_member_to_row(member: CircleMember) -> dict[str, Any]:
    """Column values of ``member``."""
    return {
        "id": member.id,
        "person_id": member.person_id,
        "name": member.name,
        "role": member.role.value,
        "relationship": member.relationship,
        "phone": member.phone,
        "email": member.email,
        "is_emergency_contact": member.is_emergency_contact,
    }


def circle_member_from_row(row: Row) -> CircleMember:
    """The :class:`CircleMember` stored in ``row``."""
    return CircleMember(
        person_id=row["person_id"],
        name=row["name"],
        role=CircleRole(row["role"]),
        relationship=row["relationship"],
        phone=row["phone"],
        email=row["email"],
        is_emergency_contact=row["is_emergency_contact"],
        id=row["id"],
    )


def strength_to_row(strength: Strength) -> dict[str, Any]:
    """Column values of ``strength``."""
    return {
        "id": strength.id,
        "person_id": strength.person_id,
        "kind": strength.kind.value,
        "description": strength.description,
    }


def strength_from_row(row: Row) -> Strength:
    """The :class:`Strength` stored in ``row``."""
    return Strength(
        person_id=row["person_id"],
        kind=StrengthKind(row["kind"]),
        description=row["description"],
        id=row["id"],
    )


def need_to_row(need: Need) -> dict[str, Any]:
    """Column values of ``need``."""
    return {
        "id": need.id,
        "person_id": need.person_id,
        "outcome": need.outcome.value,
        "description": need.description,
    }


def need_from_row(row: Row) -> Need:
    """The :class:`Need` stored in ``row``."""
    return Need(
        person_id=row["person_id"],
        outcome=EligibilityOutcome(row["outcome"]),
        description=row["description"],
        id=row["id"],
    )
