"""The arrangement's forms keep what was typed: a refused agreement comes back with the terms
typed and the error beside the date it is about."""

from __future__ import annotations

from tests.integration.family_support.test_pages import referred_and_proposed
from tests.integration.web.conftest import World, csrf_of

TERMS = "House rules: quiet after ten; Sunday lunch together."


def test_a_refused_agreement_keeps_the_terms_typed(fs_world: World) -> None:
    world = fs_world
    household_id, referral_id = referred_and_proposed(world)
    bob = world.browser("bob")
    token = csrf_of(bob.get(f"/family-support/{world.team_a.id}/board").text)
    proposed = bob.post(
        f"/family-support/referrals/{referral_id}/propose",
        data={"household_id": household_id, "room": "Attic", "csrf_token": token},
    )
    location = proposed.headers["location"].split("?")[0]
    bad = bob.post(
        f"{location}/agreement",
        data={"terms": TERMS, "signed_on": "someday", "csrf_token": token},
    )
    assert bad.status_code == 422
    assert f">{TERMS}</textarea>" in bad.text
    assert 'value="someday"' in bad.text
    assert 'id="f-signed_on-error"' in bad.text
    assert 'aria-invalid="true" aria-describedby="f-signed_on-error"' in bad.text
