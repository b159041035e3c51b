"""The oversight pages: the audit trail for coordinators, team figures for commissioners."""

from __future__ import annotations

from tests.integration.web.conftest import World


def test_the_coordinator_reads_her_teams_audit_trail_on_a_page(world: World) -> None:
    world.api("bob").get(f"/api/people/{world.person_a.id}")
    page = world.browser("alice").get("/audit", params={"record_kind": "person"})
    assert page.status_code == 200
    assert "bob" in page.text
    assert world.person_a.id[:8] in page.text
    assert 'href="/audit"' in page.text  # her header links to it


def test_workers_and_family_may_not_open_the_audit_trail(world: World) -> None:
    for persona in ("bob", "dora", "edna"):
        assert world.browser(persona).get("/audit").status_code == 403


def test_the_commissioner_sees_counts_per_team_and_no_names(world: World) -> None:
    page = world.browser("edna").get("/figures")
    assert page.status_code == 200
    assert world.team_a.name in page.text
    assert world.team_b.name in page.text
    for secret in (world.person_a.family_name, world.person_b.family_name):
        assert secret not in page.text
    assert world.browser("dora").get("/figures").status_code == 403
