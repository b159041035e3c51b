"""No visit form loses what was typed: each refused submission comes back (in the page and as the
HTMX answer) with every typed value in the form and the error beside its input; a stale form says
what happened and keeps the typed record."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.integration.web.conftest import World, csrf_of

from careweave.domain.visits.visit import Visit

HTMX = {"HX-Request": "true", "HX-Target": "visit-panel"}


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no {name} on the page"
    return found.group(1)


def _form_of(html: str) -> dict[str, str]:
    return {
        "csrf_token": csrf_of(html),
        "version": _hidden(html, "version"),
        "idempotency_key": _hidden(html, "idempotency_key"),
    }


def _checked_in(world: World) -> tuple[TestClient, str]:
    """bob, checked in to his visit, and the recording page he then sees."""
    bob = world.browser("bob")
    url = f"/visits/{world.visit_a.id}"
    page = bob.get(f"{url}/record")
    assert bob.post(f"{url}/check-in", data=_form_of(page.text)).status_code == 303
    return bob, bob.get(f"{url}/record").text


def _typed(page: str, **changes: str) -> dict[str, str]:
    return {
        **_form_of(page),
        "task_0": "with",
        "task_1": "",
        "med_item_0": "Metformin 500 mg",
        "med_result_0": "refused",
        "med_reason_0": "",
        "notes": "Made porridge together; she chose the honey.",
        "action": "check_out",
        **changes,
    }


def _error_beside(html: str, name: str) -> str:
    """The error message shown for input ``name``, checking it is linked to that input."""
    found = re.search(rf'<p class="error-message" id="{name}-error"[^>]*>(.*?)</p>', html, re.S)
    assert found, f"no error beside {name}"
    linked = rf'name="{name}"[^>]*aria-invalid="true" aria-describedby="{name}-error"'
    assert re.search(linked, html), f"{name} is not marked invalid and described by its error"
    return re.sub(r"<[^>]+>", "", found.group(1)).replace("Error:", "").strip()


def _keeps_what_was_typed(html: str) -> None:
    assert 'value="Metformin 500 mg"' in html
    assert re.search(r'<option value="refused" selected>', html)
    assert re.search(r'name="task_0" value="with" checked', html)
    assert re.search(r'name="task_1" value="" checked', html)
    assert "Made porridge together; she chose the honey.</textarea>" in html


def test_a_refused_medicine_with_no_reason_keeps_the_typed_record(visit_world: World) -> None:
    bob, page = _checked_in(visit_world)
    refused = bob.post(f"/visits/{visit_world.visit_a.id}/outcomes", data=_typed(page))
    assert refused.status_code == 422
    _keeps_what_was_typed(refused.text)
    assert "Metformin 500 mg" in _error_beside(refused.text, "med_reason_0")
    assert 'data-field="medication.reason"' in refused.text
    assert 'href="#med_reason_0-error"' in refused.text  # the summary links to the error


def test_the_htmx_answer_holds_the_panel_the_page_swaps_in(visit_world: World) -> None:
    bob, page = _checked_in(visit_world)
    refused = bob.post(
        f"/visits/{visit_world.visit_a.id}/outcomes", data=_typed(page), headers=HTMX
    )
    assert refused.status_code == 422
    assert 'id="visit-panel"' in refused.text
    panel = refused.text[refused.text.index('id="visit-panel"') :]
    _keeps_what_was_typed(panel)
    assert "reason is required" in _error_beside(panel, "med_reason_0")


def test_each_bad_line_gets_its_own_error(visit_world: World) -> None:
    bob, page = _checked_in(visit_world)
    typed = _typed(
        page,
        med_item_1="",
        med_result_1="administered",
        med_reason_1="",
        task_1="sideways",
    )
    refused = bob.post(f"/visits/{visit_world.visit_a.id}/outcomes", data=typed)
    assert refused.status_code == 422
    assert _error_beside(refused.text, "med_item_1") == "name the medication"
    assert _error_beside(refused.text, "task_1") == "choose with, for or not done"
    assert "reason is required" in _error_beside(refused.text, "med_reason_0")
    assert 'value="Metformin 500 mg"' in refused.text


def test_a_fixed_form_is_saved_after_the_refusal(visit_world: World) -> None:
    bob, page = _checked_in(visit_world)
    url = f"/visits/{visit_world.visit_a.id}"
    refused = bob.post(f"{url}/outcomes", data=_typed(page), headers=HTMX)
    fixed = _typed(refused.text, med_reason_0="felt sick")
    saved = bob.post(f"{url}/outcomes", data=fixed)
    assert saved.status_code == 303, saved.text
    done = bob.get(saved.headers["location"]).text
    assert "Metformin 500 mg: refused (felt sick)" in done


def test_a_stale_record_says_what_happened_and_keeps_what_was_typed(visit_world: World) -> None:
    bob, page = _checked_in(visit_world)
    with visit_world.services.uow_factory() as uow:  # a colleague changes the visit meanwhile
        visit: Visit = uow.visits.get(visit_world.visit_a.id)
        uow.visits.update(visit)
        uow.commit()
    typed = _typed(page, med_reason_0="felt sick")
    stale = bob.post(f"/visits/{visit_world.visit_a.id}/outcomes", data=typed, headers=HTMX)
    assert stale.status_code == 409
    assert 'id="visit-panel"' in stale.text
    assert "what you typed is still here" in stale.text
    _keeps_what_was_typed(stale.text)
    assert 'value="felt sick"' in stale.text
    assert _hidden(stale.text, "version") == str(int(typed["version"]) + 1)
    again = bob.post(f"/visits/{visit_world.visit_a.id}/outcomes", data=_typed(stale.text))
    assert again.status_code == 422  # the form sent again is read afresh, not refused as stale


def test_a_stale_check_in_from_a_second_tab_shows_the_visit_as_it_is(visit_world: World) -> None:
    bob = visit_world.browser("bob")
    url = f"/visits/{visit_world.visit_a.id}"
    first_tab = bob.get(f"{url}/record").text
    second_tab = bob.get(f"{url}/record").text
    assert bob.post(f"{url}/check-in", data=_form_of(second_tab)).status_code == 303
    stale = bob.post(f"{url}/check-in", data=_form_of(first_tab), headers=HTMX)
    assert stale.status_code == 409
    assert 'id="visit-panel"' in stale.text
    assert "perhaps you checked in from another tab" in stale.text
    assert "Checked in at 08:20" in stale.text
    assert 'name="notes"' in stale.text  # the record form, ready to fill in
