"""A social prescribing referral as a FHIR R4 ServiceRequest, coded in SNOMED CT as the NHS codes
it: 871731000000106 "Referral to social prescribing service", or once declined 871711000000103
"Social prescribing declined"."""

from __future__ import annotations

from careweave.adapters.fhir.bundle import validated
from careweave.adapters.fhir.extensions import Json
from careweave.domain.community.social_prescribing import SNOMED_TITLES, Referral

SNOMED = "http://snomed.info/sct"


def _status(referral: Referral) -> str:
    if referral.declined:
        return "revoked"
    return "completed" if referral.closed_on else "active"


def service_request_of(referral: Referral) -> Json:
    """The FHIR ServiceRequest of ``referral``, validated with the ``fhir.resources`` model."""
    resource: Json = {
        "resourceType": "ServiceRequest",
        "id": referral.id,
        "status": _status(referral),
        "intent": "order",
        "code": {
            "coding": [
                {
                    "system": SNOMED,
                    "code": referral.snomed_code,
                    "display": SNOMED_TITLES[referral.snomed_code],
                }
            ],
            "text": SNOMED_TITLES[referral.snomed_code],
        },
        "subject": {"reference": f"Patient/{referral.person_id}"},
        "authoredOn": referral.referred_on.isoformat(),
        "requester": {"display": referral.referrer or referral.source.value},
        "reasonCode": [{"text": referral.reason}],
        "note": [{"text": f"What matters to me: {referral.what_matters}"}]
        if referral.what_matters
        else [],
    }
    if referral.declined_reason:
        resource["note"].append({"text": f"Declined: {referral.declined_reason}"})
    if not resource["note"]:
        del resource["note"]
    return validated(resource, "ServiceRequest")
