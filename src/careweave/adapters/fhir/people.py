"""Mapping between a person, their circle and team and FHIR Patient, RelatedPerson and CareTeam."""

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
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.person import AboutMe, CircleMember, Need, Person, Strength
from careweave.domain.values import Location
from careweave.domain.workforce.workers import Patch, Team

NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
LANGUAGE_SYSTEM = "urn:ietf:bcp:47"
GEOLOCATION = "http://hl7.org/fhir/StructureDefinition/geolocation"
CIRCLE_ROLE_SYSTEM = f"{CODES}circle-role"
ADMINISTRATIVE_GENDERS = {"male", "female", "other", "unknown"}


def patient_of(person: Person, strengths: tuple[Strength, ...], needs: tuple[Need, ...]) -> Json:
    """The FHIR Patient of ``person``, with their About Me, strengths and needs as extensions."""
    names: list[Json] = [
        {"use": "official", "family": person.family_name, "given": [person.given_name]}
    ]
    if person.preferred_name:
        names.append({"use": "usual", "given": [person.preferred_name]})
    resource: Json = {
        "resourceType": "Patient",
        "id": person.id,
        "name": names,
        "birthDate": person.date_of_birth.isoformat(),
        "address": [_address(person)],
        "communication": [
            {"language": {"coding": [{"system": LANGUAGE_SYSTEM, "code": lang}]}}
            for lang in person.languages
        ],
        "extension": [
            ext("care-model", person.care_model.value),
            ext("continuity-target", person.continuity_target),
            *optional("team-id", person.team_id),
            *optional("gender", person.gender),
            complex_ext("about-me", [sub(s.value, t) for s, t in person.about_me.sections.items()]),
            *[
                complex_ext(
                    "strength",
                    [sub("id", s.id), sub("kind", s.kind.value), sub("description", s.description)],
                )
                for s in strengths
            ],
            *[
                complex_ext(
                    "need",
                    [
                        sub("id", n.id),
                        sub("outcome", n.outcome.value),
                        sub("description", n.description),
                    ],
                )
                for n in needs
            ],
        ],
    }
    if person.gender.lower() in ADMINISTRATIVE_GENDERS:
        resource["gender"] = person.gender.lower()
    if person.nhs_number:
        resource["identifier"] = [{"system": NHS_NUMBER_SYSTEM, "value": person.nhs_number}]
    return resource


def _address(person: Person) -> Json:
    geo = {
        "url": GEOLOCATION,
        "extension": [
            {"url": "latitude", "valueDecimal": person.location.lat},
            {"url": "longitude", "valueDecimal": person.location.lon},
        ],
    }
    return {"text": person.address, "postalCode": person.postcode, "extension": [geo]}


def person_of(resource: Json) -> tuple[Person, tuple[Strength, ...], tuple[Need, ...]]:
    """The person, strengths and needs a FHIR Patient carries."""
    exts = Extensions(resource.get("extension"), "Patient.extension")
    official = _name(resource, "official")
    usual = _name(resource, "usual")
    address = (resource.get("address") or [{}])[0]
    about = exts.complex("about-me")
    sections = about[0].by_url() if about else {}
    identifiers = [
        i for i in resource.get("identifier", []) if i.get("system") == NHS_NUMBER_SYSTEM
    ]
    person = Person(
        id=resource.get("id", ""),
        given_name=(official.get("given") or [""])[0],
        family_name=official.get("family", ""),
        preferred_name=(usual.get("given") or [""])[0],
        date_of_birth=parse_date(resource.get("birthDate"), "Patient.birthDate"),
        address=address.get("text", ""),
        postcode=address.get("postalCode", ""),
        location=_location(address),
        care_model=exts.required("care-model"),
        continuity_target=exts.value("continuity-target", 3),
        team_id=exts.value("team-id"),
        gender=exts.value("gender", ""),
        languages=tuple(
            code_of(c.get("language"), LANGUAGE_SYSTEM, "Patient.communication.language")
            for c in resource.get("communication", [])
        ),
        nhs_number=identifiers[0]["value"] if identifiers else "",
        about_me=AboutMe(sections),  # type: ignore[arg-type]
    )
    strengths = tuple(
        Strength(
            person_id=person.id,
            id=s.required("id"),
            kind=s.required("kind"),
            description=s.required("description"),
        )
        for s in exts.complex("strength")
    )
    needs = tuple(
        Need(
            person_id=person.id,
            id=n.required("id"),
            outcome=n.required("outcome"),
            description=n.required("description"),
        )
        for n in exts.complex("need")
    )
    return person, strengths, needs


def _name(resource: Json, use: str) -> Json:
    for name in resource.get("name", []):
        if name.get("use") == use:
            return dict(name)
    return {}


def _location(address: Json) -> Location:
    for item in address.get("extension", []):
        if item.get("url") == GEOLOCATION:
            parts = {e["url"]: e.get("valueDecimal") for e in item.get("extension", [])}
            return Location(
                lat=float(parts.get("latitude", "nan")), lon=float(parts.get("longitude", "nan"))
            )
    raise DomainValidationError("Patient.address.extension", "needs the geolocation of the home")


def related_person_of(member: CircleMember) -> Json:
    """The FHIR RelatedPerson of a circle member."""
    telecom = [{"system": "phone", "value": member.phone}] if member.phone else []
    if member.email:
        telecom.append({"system": "email", "value": member.email})
    resource: Json = {
        "resourceType": "RelatedPerson",
        "id": member.id,
        "patient": {"reference": f"Patient/{member.person_id}"},
        "name": [{"text": member.name}],
        "relationship": [{**_role(member), "text": member.relationship or member.role.value}],
        "extension": [
            ext("emergency-contact", member.is_emergency_contact),
            *optional("relationship", member.relationship),
        ],
    }
    if telecom:
        resource["telecom"] = telecom
    return resource


def _role(member: CircleMember) -> Json:
    return {"coding": [{"system": CIRCLE_ROLE_SYSTEM, "code": member.role.value}]}


def circle_member_of(resource: Json) -> CircleMember:
    """The circle member a FHIR RelatedPerson describes."""
    exts = Extensions(resource.get("extension"), "RelatedPerson.extension")
    telecom = {t.get("system"): t.get("value", "") for t in resource.get("telecom", [])}
    return CircleMember(
        id=resource.get("id", ""),
        person_id=reference_id(resource.get("patient"), "Patient", "RelatedPerson.patient"),
        name=(resource.get("name") or [{}])[0].get("text", ""),
        role=code_of(
            (resource.get("relationship") or [{}])[0],
            CIRCLE_ROLE_SYSTEM,
            "RelatedPerson.relationship",
        ),  # type: ignore[arg-type]
        relationship=exts.value("relationship", ""),
        phone=telecom.get("phone", ""),
        email=telecom.get("email", ""),
        is_emergency_contact=bool(exts.value("emergency-contact", False)),
    )


def care_team_of(person: Person, team: Team | None, circle: tuple[CircleMember, ...]) -> Json:
    """The FHIR CareTeam around ``person``: their neighbourhood team and circle of support."""
    resource: Json = {
        "resourceType": "CareTeam",
        "id": f"{person.id}-care-team",
        "status": "active",
        "name": f"{team.name} with {person.display_name}'s circle"
        if team
        else f"{person.display_name}'s circle",
        "subject": {"reference": f"Patient/{person.id}"},
        "participant": [
            {
                "role": [_role(m)],
                "member": {"reference": f"RelatedPerson/{m.id}", "display": m.name},
            }
            for m in circle
        ],
    }
    if team is not None:
        resource["extension"] = [_team_extension(team)]
    return resource


def _team_extension(team: Team) -> Json:
    patch = team.patch
    parts = [
        sub("id", team.id),
        sub("name", team.name),
        sub("centre-lat", float(patch.centre.lat)),
        sub("centre-lon", float(patch.centre.lon)),
        sub("radius-km", float(patch.radius_km)),
        *[
            complex_ext("corner", [sub("lat", float(c.lat)), sub("lon", float(c.lon))], nested=True)
            for c in patch.polygon
        ],
    ]
    return complex_ext("team", parts)


def team_of(resource: Json) -> Team | None:
    """The neighbourhood team a FHIR CareTeam carries, if any."""
    found = Extensions(resource.get("extension"), "CareTeam.extension").complex("team")
    if not found:
        return None
    t = found[0]
    corners = tuple(
        Location(float(c.required("lat")), float(c.required("lon"))) for c in t.complex("corner")
    )
    patch = Patch(
        centre=Location(float(t.required("centre-lat")), float(t.required("centre-lon"))),
        radius_km=float(t.required("radius-km")),
        polygon=corners,
    )
    return Team(id=t.required("id"), name=t.required("name"), patch=patch)
