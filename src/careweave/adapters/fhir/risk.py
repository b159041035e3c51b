"""Mapping between risk enablement records and FHIR RiskAssessment (linked to the CarePlan)."""

from __future__ import annotations

from careweave.adapters.fhir.extensions import (
    Extensions,
    Json,
    ext,
    optional,
    parse_date,
    reference_id,
)
from careweave.adapters.fhir.plans import plan_resource_id
from careweave.domain.plans.risk import Risk


def risk_assessment_of(risk: Risk, plan_version: int) -> Json:
    """The FHIR RiskAssessment of a risk, based on the plan version it belongs to."""
    resource: Json = {
        "resourceType": "RiskAssessment",
        "id": risk.id,
        "status": "final",
        "subject": {"reference": f"Patient/{risk.person_id}"},
        "basedOn": {"reference": f"CarePlan/{plan_resource_id(risk.plan_id, plan_version)}"},
        "occurrenceDateTime": risk.agreed_on.isoformat(),
        "prediction": [{"outcome": {"text": risk.description}, "relativeRisk": float(risk.rating)}],
        "note": [{"text": risk.persons_view}],
        "extension": [
            ext("plan-id", risk.plan_id),
            *[ext("at-risk", a.value) for a in sorted(risk.at_risk)],
            ext("likelihood", int(risk.likelihood)),
            ext("impact", int(risk.impact)),
            ext("decision", risk.decision.value),
            ext("decision-reason", risk.decision_reason),
            ext("agreed-by", risk.agreed_by),
            *optional("review-on", risk.review_on),
        ],
    }
    if risk.safeguards:
        resource["mitigation"] = risk.safeguards
    return resource


def risk_from(resource: Json) -> Risk:
    """The risk a FHIR RiskAssessment describes."""
    exts = Extensions(resource.get("extension"), "RiskAssessment.extension")
    prediction = (resource.get("prediction") or [{}])[0]
    return Risk(
        id=resource.get("id", ""),
        person_id=reference_id(resource.get("subject"), "Patient", "RiskAssessment.subject"),
        plan_id=exts.required("plan-id"),
        description=(prediction.get("outcome") or {}).get("text", ""),
        at_risk=frozenset(exts.values("at-risk")),
        likelihood=exts.required("likelihood"),
        impact=exts.required("impact"),
        persons_view=(resource.get("note") or [{}])[0].get("text", ""),
        decision=exts.required("decision"),
        decision_reason=exts.required("decision-reason"),
        agreed_by=exts.required("agreed-by"),
        agreed_on=parse_date(
            resource.get("occurrenceDateTime"), "RiskAssessment.occurrenceDateTime"
        ),
        safeguards=resource.get("mitigation", ""),
        review_on=exts.value("review-on"),
    )
