"""Social prescribing referrals in the JSON API: a referral as a FHIR R4 ServiceRequest."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from careweave.adapters.fhir.social_prescribing import service_request_of
from careweave.adapters.web.api.common import ERROR_RESPONSES, PathId
from careweave.adapters.web.deps import CurrentActor, Svc

router = APIRouter(prefix="/referrals", tags=["social prescribing"], responses=ERROR_RESPONSES)


@router.get("/{referral_id}/fhir", summary="A referral as a FHIR R4 ServiceRequest")
def referral_as_fhir(referral_id: PathId, actor: CurrentActor, svc: Svc) -> JSONResponse:
    """The referral as a FHIR ServiceRequest coded in SNOMED CT (audited read)."""
    referral, _ = svc.social_prescribing.referral(actor, referral_id)
    return JSONResponse(service_request_of(referral), media_type="application/fhir+json")
