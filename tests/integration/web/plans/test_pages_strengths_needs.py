"""Strengths and needs added and removed from the person page, on both databases: audited,
bad values named next to their inputs, nobody without planning access changes anything."""

from __future__ import annotations

import re

from tests.integration.web.conftest import World, csrf_of


def _audited(world: World, kind: str, action: str) -> int:
    """How many entries pat has in the audit log for ``action`` on records of ``kind``."""
    with world.services.uow_factory() as uow:
        entries = uow.audit.list(user_id=world.actors["pat"].user_id, record_kind=kind)
        return sum(1 for e in entries if e.action == action)


def test_a_strength_and_a_need_are_added_and_removed_with_an_audit(world: World) -> None:
    pat = world.browser("pat")
    person_url = f"/people/{world.person_a.id}"
    csrf = csrf_of(pat.get(person_url).text)
    added = pat.post(
        f"{person_url}/strengths",
        data={
            "csrf_token": csrf,
            "strength_kind": "community",
            "strength_description": "Choir on Thursdays",
        },
    )
    assert added.status_code == 303, added.text
    need = pat.post(
        f"{person_url}/needs",
        data={
            "csrf_token": csrf,
            "need_outcome": "nutrition",
            "need_description": "Cannot cook safely",
        },
    )
    assert need.status_code == 303, need.text
    page = pat.get(person_url).text
    assert "Choir on Thursdays" in page
    assert "Managing and maintaining nutrition:</strong> Cannot cook safely" in page
    strength_id = re.search(r'/strengths/([0-9a-f]{32})/remove"', page)
    need_id = re.search(r'/needs/([0-9a-f]{32})/remove"', page)
    assert strength_id
    assert need_id
    assert (_audited(world, "strength", "create"), _audited(world, "need", "create")) == (1, 1)
    gone = pat.post(
        f"{person_url}/strengths/{strength_id.group(1)}/remove", data={"csrf_token": csrf}
    )
    assert gone.status_code == 303
    gone = pat.post(f"{person_url}/needs/{need_id.group(1)}/remove", data={"csrf_token": csrf})
    assert gone.status_code == 303
    page = pat.get(person_url).text
    assert "Choir on Thursdays" not in page
    assert "Cannot cook safely" not in page
    assert (_audited(world, "strength", "delete"), _audited(world, "need", "delete")) == (1, 1)


def test_bad_values_are_named_next_to_their_inputs(world: World) -> None:
    pat = world.browser("pat")
    person_url = f"/people/{world.person_a.id}"
    csrf = csrf_of(pat.get(person_url).text)
    empty = pat.post(
        f"{person_url}/strengths",
        data={"csrf_token": csrf, "strength_kind": "personal", "strength_description": " "},
    )
    assert empty.status_code == 422
    assert re.search(r'id="f-strength_description-error">.*strength\.description', empty.text, re.S)
    odd = pat.post(
        f"{person_url}/needs",
        data={"csrf_token": csrf, "need_outcome": "flying", "need_description": "Wants wings"},
    )
    assert odd.status_code == 422
    assert re.search(r'id="f-need_outcome-error">.*need\.outcome', odd.text, re.S)
    assert 'value="Wants wings"' in odd.text  # what was typed stays
    assert _audited(world, "need", "create") == 0


def test_only_planners_with_access_add_or_remove(world: World) -> None:
    person_url = f"/people/{world.person_a.id}"
    pat = world.browser("pat")
    csrf = csrf_of(pat.get(person_url).text)
    pat.post(
        f"{person_url}/strengths",
        data={
            "csrf_token": csrf,
            "strength_kind": "family",
            "strength_description": "Daughter nearby",
        },
    )
    strength_id = re.search(r'/strengths/([0-9a-f]{32})/remove"', pat.get(person_url).text)
    assert strength_id
    for persona, status in (("dora", 403), ("bob", 403), ("charlie", 404)):
        client = world.browser(persona)
        token = csrf_of(client.get("/").text)
        added = client.post(
            f"{person_url}/strengths",
            data={"csrf_token": token, "strength_kind": "family", "strength_description": "Sneaky"},
        )
        assert added.status_code == status, persona
        removed = client.post(
            f"{person_url}/strengths/{strength_id.group(1)}/remove", data={"csrf_token": token}
        )
        assert removed.status_code == status, persona
    assert "Add a strength" not in world.browser("dora").get(person_url).text
    page = pat.get(person_url).text
    assert "Daughter nearby" in page
    assert "Sneaky" not in page
    other = world.api("pat").post(
        f"/people/{world.person_b.id}/strengths/{strength_id.group(1)}/remove"
    )
    assert other.status_code == 404
