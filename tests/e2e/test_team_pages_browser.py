"""The team's-day pages in real headless Chromium: each persona sees the right things and not the
wrong ones, a visit is recorded on a 360 px phone, and the roster timeline and map are drawn and
pass axe-core without serious or critical violations."""

from __future__ import annotations

from typing import Any

import pytest
from tests.e2e.conftest import PHONE, LiveSite, axe_violations, new_page, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def _close(page: Any) -> None:
    page.context.close()


def test_coordinator_sees_board_roster_and_map_of_both_teams(
    browser: Any, live_site: LiveSite
) -> None:
    page = new_page(browser, live_site, "coordinator")
    try:
        page.goto(f"/teams/{live_site.team_a}/board")
        assert page.locator("h1").inner_text().endswith(page.locator("h1 .subtitle").inner_text())
        assert page.get_by_role("heading", name="Who is where").is_visible()
        assert page.get_by_role("heading", name="People needing a review").is_visible()
        assert axe_violations(page) == []
        screenshot(page, "board-coordinator")

        page.goto(f"/teams/{live_site.team_a}/roster")
        timeline = page.locator("figure.timeline svg[aria-labelledby]")
        assert timeline.count() == 1
        assert page.locator("g.tl-bar").count() > 0
        assert page.locator("details.table-fallback table tbody tr").count() > 0
        assert axe_violations(page) == []
        screenshot(page, "roster-day")

        page.goto(f"/teams/{live_site.team_a}/roster?view=week")
        assert page.locator("g.tl-bar").count() >= page.locator("g.tl-row").count()
        assert axe_violations(page) == []
        screenshot(page, "roster-week")

        page.goto(f"/teams/{live_site.team_a}/map")
        assert page.locator("svg circle.patch, svg polygon.patch").count() == 1
        assert page.locator("svg g.person").count() > 0
        assert page.locator("svg g.legend").count() == 1
        assert page.get_by_role("heading", name="Continuity this week").is_visible()
        assert axe_violations(page) == []
        screenshot(page, "map")

        page.goto(f"/teams/{live_site.team_b}/board")
        assert page.locator("main").inner_text().count("Today's visits") == 1

        page.goto("/alerts")
        assert page.get_by_role("heading", name="Late and missed visits").is_visible()
        assert axe_violations(page) == []
        screenshot(page, "alerts")
    finally:
        _close(page)


def test_coordinator_checks_a_reassignment_at_once(browser: Any, live_site: LiveSite) -> None:
    page = new_page(browser, live_site, "coordinator")
    try:
        page.goto(f"/teams/{live_site.team_a}/roster")
        page.locator("details.table-fallback a", has_text="Reassign").first.click()
        page.wait_for_url("**/reassign")
        select = page.locator("select[name=worker_ids]").first
        options = select.locator("option").all()
        select.select_option(options[-1].get_attribute("value"))
        page.locator("#verdict p").first.wait_for()  # swapped in by HTMX, no button pressed
        assert (
            "rule" in page.locator("#verdict").inner_text()
            or "possible" in page.locator("#verdict").inner_text()
        )
        assert axe_violations(page) == []
        screenshot(page, "reassign-verdict")
    finally:
        _close(page)


def test_worker_a_sees_own_team_only(browser: Any, live_site: LiveSite) -> None:
    page = new_page(browser, live_site, "worker.a")
    try:
        page.goto("/team")
        assert f"/teams/{live_site.team_a}/board" in page.url
        reply = page.goto(f"/teams/{live_site.team_b}/board")
        assert reply is not None
        assert reply.status == 404
        assert "Today's visits" not in page.content()
    finally:
        _close(page)


def test_worker_b_sees_nothing_of_team_a(browser: Any, live_site: LiveSite) -> None:
    page = new_page(browser, live_site, "worker.b")
    try:
        for path in (
            f"/teams/{live_site.team_a}/board",
            f"/teams/{live_site.team_a}/roster",
            f"/teams/{live_site.team_a}/map",
            f"/visits/{live_site.recordable_visit}/record",
        ):
            reply = page.goto(path)
            assert reply is not None
            assert reply.status == 404, path
        page.goto("/team")
        assert f"/teams/{live_site.team_b}/board" in page.url
    finally:
        _close(page)


@pytest.mark.parametrize("persona", ["commissioner", "family", "practitioner"])
def test_other_roles_get_no_team_board(browser: Any, live_site: LiveSite, persona: str) -> None:
    page = new_page(browser, live_site, persona)
    try:
        reply = page.goto(f"/teams/{live_site.team_a}/board")
        assert reply is not None
        assert reply.status in (403, 404)
        assert "Who is where" not in page.content()
    finally:
        _close(page)


def test_worker_records_a_visit_on_a_phone(browser: Any, live_site: LiveSite) -> None:
    lat, lon = live_site.person_location
    page = new_page(
        browser,
        live_site,
        "worker.a",
        viewport=PHONE,
        geolocation={"latitude": lat, "longitude": lon},
        permissions=["geolocation"],
        is_mobile=True,
        has_touch=True,
    )
    try:
        page.goto("/my-visits")
        assert page.locator(f"a[href='/visits/{live_site.recordable_visit}/record']").count() == 1
        screenshot(page, "phone-my-visits")
        page.goto(f"/visits/{live_site.recordable_visit}/record")
        check_in = page.get_by_role("button", name="Check in")
        assert check_in.bounding_box()["height"] >= 44  # a thumb-sized target
        page.wait_for_function("document.querySelector('input[name=lat]').value !== ''")
        assert axe_violations(page) == []
        check_in.click()
        page.get_by_text("Checked in at").wait_for()
        assert "0 m from the address" in page.locator("#visit-panel").inner_text()
        page.get_by_label("Done with them").first.check()
        page.locator("input[name=med_item_0]").fill("Paracetamol 500 mg")
        page.locator("select[name=med_result_0]").select_option("administered")
        page.locator("textarea[name=notes]").fill(
            "Made breakfast together; she buttered the toast."
        )
        goals = page.locator("fieldset.choice", has_text="Which of their goals")
        first_goal = goals.locator("input[name=goal_id]").first
        assert goals.locator("label").first.bounding_box()["height"] >= 44
        goal_words = goals.locator("label").first.inner_text().strip()
        first_goal.check()  # chosen by tapping, as on a phone with no keyboard open
        page.locator("textarea[name=progress]").fill("Buttered her own toast today")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], "the page scrolls sideways on a phone"
        assert axe_violations(page) == []
        screenshot(page, "phone-record-form")
        page.get_by_role("button", name="Save and check out").click()
        page.get_by_text("Checked out at").wait_for()
        recorded = page.locator("#visit-panel").inner_text()
        assert "Paracetamol 500 mg: administered" in recorded
        assert f"Progress towards “{goal_words}”: Buttered her own toast today" in recorded
        screenshot(page, "phone-recorded")
    finally:
        _close(page)


def test_family_reads_alerts_about_their_person_on_a_phone(
    browser: Any, live_site: LiveSite
) -> None:
    page = new_page(browser, live_site, "family", viewport=PHONE)
    try:
        page.goto("/")
        page.get_by_role("link", name="Alerts").first.click()
        page.wait_for_url("**/alerts")
        assert page.get_by_role("heading", name="Late and missed visits").is_visible()
        assert (
            "the team's coordinator is told each time" in page.locator("main").inner_text().lower()
        )
        assert page.locator("form[action$='/acknowledge']").count() == 0
        assert axe_violations(page) == []
        screenshot(page, "family-alerts")
    finally:
        _close(page)


def test_coordinator_drags_a_visit_onto_another_worker(browser: Any, live_site: LiveSite) -> None:
    page = new_page(browser, live_site, "coordinator", viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"/teams/{live_site.team_a}/roster")
        workers = page.locator("g.tl-row").evaluate_all(
            "rows => rows.map(r => [r.dataset.workerId, r.querySelectorAll('g.tl-bar').length])"
        )
        source_id = next(w for w, bars in workers if w and bars)
        target_id = next(w for w, _ in workers if w and w != source_id)
        source = page.locator(f"g.tl-row[data-worker-id='{source_id}']")
        bar = source.locator("g.tl-bar").first
        bar.scroll_into_view_if_needed()
        box = bar.bounding_box()
        row_box = page.locator(f"g.tl-row[data-worker-id='{target_id}'] > rect").bounding_box()
        assert box is not None
        assert row_box is not None
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x, row_box["y"] + row_box["height"] / 2, steps=6)
        page.mouse.up()
        page.wait_for_url("**/reassign?worker=*")
        assert page.url.endswith(f"worker={target_id}")
        assert page.locator("#verdict p").count() > 0  # checked at once for the dropped worker
        screenshot(page, "reassign-after-drag")
    finally:
        _close(page)


# The printable width of A4 landscape with 10 mm margins, in CSS pixels (96 per inch).
A4_LANDSCAPE_PRINTABLE = {"width": round((297 - 20) / 25.4 * 96), "height": 700}


def test_board_and_roster_print_without_controls_within_a4_landscape(
    browser: Any, live_site: LiveSite
) -> None:
    page = new_page(browser, live_site, "coordinator", viewport=A4_LANDSCAPE_PRINTABLE)
    try:
        page.emulate_media(media="print")
        for path in ("board", "roster", "roster?view=week"):
            page.goto(f"/teams/{live_site.team_a}/{path}")
            assert not page.locator("header.site-header").is_visible()
            assert not page.locator("nav.team-nav").is_visible()
            assert page.locator("main button:visible").count() == 0
            widest = page.evaluate("document.documentElement.scrollWidth")
            assert widest <= A4_LANDSCAPE_PRINTABLE["width"], path
        screenshot(page, "roster-week-print")
    finally:
        _close(page)
