"""A person's record as a FHIR R4 Bundle of type collection, and back.

Every resource is validated with the ``fhir.resources`` models (the R4B package, which is R4
compatible for every resource used here) before it leaves and when it comes in; a resource that
does not validate is rejected with a message naming the entry and the field.
"""

from __future__ import annotations

import json
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan as FhirCarePlan
from fhir.resources.R4B.careteam import CareTeam
from fhir.resources.R4B.episodeofcare import EpisodeOfCare
from fhir.resources.R4B.goal import Goal as FhirGoal
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.relatedperson import RelatedPerson
from fhir.resources.R4B.riskassessment import RiskAssessment
from fhir.resources.R4B.servicerequest import ServiceRequest
from pydantic import BaseModel, ValidationError

from careweave.adapters.fhir import people, plans, reablement, risk
from careweave.adapters.fhir.extensions import Json, reference_id
from careweave.domain.errors import DomainValidationError
from careweave.domain.people.record import PersonRecord

MODELS: dict[str, type[BaseModel]] = {
    "Patient": Patient,
    "RelatedPerson": RelatedPerson,
    "CareTeam": CareTeam,
    "CarePlan": FhirCarePlan,
    "Goal": FhirGoal,
    "Observation": Observation,
    "EpisodeOfCare": EpisodeOfCare,
    "RiskAssessment": RiskAssessment,
    "ServiceRequest": ServiceRequest,
}


def validated(resource: Json, where: str) -> Json:
    """``resource`` checked against its ``fhir.resources`` model, as the model serialises it."""
    kind = resource.get("resourceType")
    model = MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise DomainValidationError(
            f"{where}.resourceType", f"{kind!r} is not a resource careweave reads"
        )
    try:
        parsed = model.model_validate(resource)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = ".".join(str(p) for p in first["loc"])
        raise DomainValidationError(f"{where}.{path}" if path else where, first["msg"]) from None
    result: Json = json.loads(parsed.model_dump_json(exclude_none=True))
    return result


def to_bundle(record: PersonRecord) -> Json:
    """The FHIR Bundle (collection) of ``record``; every resource validated."""
    resources = _resources(record)
    entries = [
        {
            "fullUrl": f"urn:careweave:{r['resourceType']}/{r['id']}",
            "resource": validated(r, f"{r['resourceType']}/{r['id']}"),
        }
        for r in resources
    ]
    bundle: Json = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    Bundle.model_validate(bundle)
    return bundle


def _resources(record: PersonRecord) -> list[Json]:
    person = record.person
    out = [people.patient_of(person, record.strengths, record.needs)]
    out += [people.related_person_of(m) for m in record.circle]
    out.append(people.care_team_of(person, record.team, record.circle))
    latest_version: dict[str, int] = {}
    for plan in record.plans:
        latest_version[plan.plan_id] = max(plan.version, latest_version.get(plan.plan_id, 0))
    goal_fhir_id: dict[str, str] = {}
    for plan in sorted(record.plans, key=lambda p: (p.plan_id, p.version)):
        out.append(plans.care_plan_of(plan, latest=plan.version == latest_version[plan.plan_id]))
        for goal in plan.goals:
            out.append(plans.goal_of(goal, plan, record.ratings))
            goal_fhir_id[goal.id] = plans.goal_resource_id(goal.id, plan.version)
    for rating in sorted(record.ratings, key=lambda r: (r.rated_on, r.id)):
        if rating.goal_id not in goal_fhir_id:
            raise DomainValidationError(
                "rating.goal_id", f"goal {rating.goal_id!r} is in none of the plans"
            )
        out.append(plans.rating_of(rating, person.id, goal_fhir_id[rating.goal_id]))
    for item in record.risks:
        if item.plan_id not in latest_version:
            raise DomainValidationError(
                "risk.plan_id", f"plan {item.plan_id!r} is not in the record"
            )
        out.append(risk.risk_assessment_of(item, latest_version[item.plan_id]))
    for episode in record.episodes:
        out.append(reablement.episode_of(episode))
        if episode.barthel_start:
            out.append(reablement.barthel_of(episode, reablement.START, episode.barthel_start))
        if episode.barthel_end:
            out.append(reablement.barthel_of(episode, reablement.END, episode.barthel_end))
    return out


def from_bundle(data: Any) -> PersonRecord:
    """The person's record in a FHIR Bundle (as parsed JSON); every resource validated first."""
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise DomainValidationError("bundle.resourceType", "must be a FHIR Bundle")
    if data.get("type") != "collection":
        raise DomainValidationError("bundle.type", "must be collection")
    by_kind: dict[str, list[Json]] = {kind: [] for kind in MODELS}
    for index, entry in enumerate(data.get("entry") or []):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            raise DomainValidationError(f"bundle.entry[{index}].resource", "is missing")
        checked = validated(resource, f"bundle.entry[{index}]")
        by_kind[checked["resourceType"]].append(checked)
    return _record(by_kind)


def _record(by_kind: dict[str, list[Json]]) -> PersonRecord:
    if len(by_kind["Patient"]) != 1:
        raise DomainValidationError("bundle.entry", "must hold exactly one Patient")
    person, strengths, needs = people.person_of(by_kind["Patient"][0])
    teams = [t for t in (people.team_of(ct) for ct in by_kind["CareTeam"]) if t is not None]
    goals = {g["id"]: plans.goal_from(g) for g in by_kind["Goal"]}
    care_plans = tuple(plans.care_plan_from(cp, goals) for cp in by_kind["CarePlan"])
    observations = by_kind["Observation"]
    ratings = tuple(plans.rating_from(o) for o in observations if plans.is_gas_rating(o))
    scores = {}
    for o in observations:
        if reablement.is_barthel(o):
            episode_id, phase, score = reablement.barthel_from(o)
            scores[(episode_id, phase)] = score
    episodes = tuple(reablement.episode_from(e, scores) for e in by_kind["EpisodeOfCare"])
    record = PersonRecord(
        person=person,
        circle=tuple(people.circle_member_of(r) for r in by_kind["RelatedPerson"]),
        strengths=strengths,
        needs=needs,
        team=teams[0] if teams else None,
        plans=care_plans,
        ratings=ratings,
        episodes=episodes,
        risks=tuple(risk.risk_from(r) for r in by_kind["RiskAssessment"]),
    )
    _check_one_person(record, by_kind)
    return record


def _check_one_person(record: PersonRecord, by_kind: dict[str, list[Json]]) -> None:
    """Everything in the bundle must be about the one Patient in it."""
    pid = record.person.id
    owners: list[tuple[str, str]] = [(m.person_id, "RelatedPerson.patient") for m in record.circle]
    owners += [(p.person_id, "CarePlan.subject") for p in record.plans]
    owners += [(e.person_id, "EpisodeOfCare.patient") for e in record.episodes]
    owners += [(r.person_id, "RiskAssessment.subject") for r in record.risks]
    owners += [
        (reference_id(o.get("subject"), "Patient", "Observation.subject"), "Observation.subject")
        for o in by_kind["Observation"]
    ]
    for owner, where in owners:
        if owner != pid:
            raise DomainValidationError(
                where, f"refers to Patient/{owner}, not the Patient in the bundle"
            )
    plan_ids = {p.plan_id for p in record.plans}
    for item in record.risks:
        if item.plan_id not in plan_ids:
            raise DomainValidationError(
                "RiskAssessment.extension.plan-id", f"plan {item.plan_id!r} is not in the bundle"
            )
    goal_ids = {g.id for p in record.plans for g in p.goals}
    for rating in record.ratings:
        if rating.goal_id not in goal_ids:
            raise DomainValidationError(
                "Observation.extension.goal-id", f"goal {rating.goal_id!r} is in none of the plans"
            )
