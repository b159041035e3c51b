"""A social prescribing referral as a FHIR R4 ServiceRequest with its SNOMED CT code, validated
with the fhir.resources model; refused to whoever may not see the person."""

from __future__ import annotations

from fhir.resources.R4B.servicerequest import ServiceRequest
from tests.integration.web.conftest import World

from careweave.domain.community.social_prescribing import ReferralSource
from careweave.services.community.social_prescribing import SocialPrescribingService


def test_a_referral_exports_as_a_coded_service_request(world: World) -> None:
    sp: SocialPrescribingService = world.services.social_prescribing
    referral = sp.refer(
        world.actors["alice"],
        world.person_a.id,
        source=ReferralSource.GP,
        reason="Lonely",
        referrer="Dr Shah",
    )

    reply = world.api("alice").get(f"/api/referrals/{referral.id}/fhir")

    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("application/fhir+json")
    resource = ServiceRequest.model_validate(reply.json())
    coding = resource.code.coding[0]  # type: ignore[union-attr,index]
    assert (coding.system, coding.code) == ("http://snomed.info/sct", "871731000000106")
    assert resource.status == "active"
    assert resource.subject.reference == f"Patient/{world.person_a.id}"  # type: ignore[union-attr]

    sp.decline(world.actors["alice"], referral.id, "Not now")
    declined = world.api("alice").get(f"/api/referrals/{referral.id}/fhir").json()
    assert declined["code"]["coding"][0]["code"] == "871711000000103"
    assert declined["status"] == "revoked"


def test_the_export_is_refused_to_outsiders(world: World) -> None:
    sp: SocialPrescribingService = world.services.social_prescribing
    referral = sp.refer(
        world.actors["bob"], world.person_a.id, source=ReferralSource.WORKER, reason="Isolated"
    )
    assert world.api("charlie").get(f"/api/referrals/{referral.id}/fhir").status_code == 404
    assert world.api("edna").get(f"/api/referrals/{referral.id}/fhir").status_code == 404
    assert world.api(None).get(f"/api/referrals/{referral.id}/fhir").status_code == 401
