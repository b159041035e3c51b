"""The visit form on a phone keeps what was typed: a refused medicine with no reason comes back,
through the HTMX swap of the visit panel, with every typed value in place and the error beside the
reason field."""

from __future__ import annotations

from typing import Any

import pytest
from tests.e2e.conftest import PHONE, LiveSite, axe_violations, new_page, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]

NOTES = "Made porridge together; she chose the honey."


def test_a_refused_form_keeps_what_was_typed_on_a_phone(browser: Any, live_site: LiveSite) -> None:
    page = new_page(browser, live_site, "worker.a", viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page.goto(f"/visits/{live_site.spare_visit}/record")
        assert page.get_by_role("heading", name="Before you go in").is_visible()
        assert "Make lunch" in page.locator("section.briefing").inner_text()
        screenshot(page, "phone-visit-briefing")
        page.get_by_role("button", name="Check in").click()
        page.get_by_text("Checked in at").wait_for()
        page.get_by_label("Done for them").first.check()
        page.locator("input[name=med_item_0]").fill("Metformin 500 mg")
        page.locator("select[name=med_result_0]").select_option("refused")
        page.locator("textarea[name=notes]").fill(NOTES)
        page.get_by_role("button", name="Save and check out").click()
        reason = page.locator("input[name=med_reason_0]")
        page.locator("#med_reason_0-error").wait_for()
        assert reason.get_attribute("aria-invalid") == "true"
        assert reason.get_attribute("aria-describedby") == "med_reason_0-error"
        assert "reason is required" in page.locator("#med_reason_0-error").inner_text()
        assert page.locator("input[name=med_item_0]").input_value() == "Metformin 500 mg"
        assert page.locator("select[name=med_result_0]").input_value() == "refused"
        assert page.locator("textarea[name=notes]").input_value() == NOTES
        assert page.get_by_label("Done for them").first.is_checked()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert axe_violations(page) == []
        screenshot(page, "phone-record-form-refused")
        reason.fill("Felt sick; will try at lunch")
        page.get_by_role("button", name="Save", exact=True).click()
        page.get_by_text("Saved.").wait_for()
        assert "Felt sick; will try at lunch" in page.locator("#visit-panel").inner_html()
    finally:
        page.context.close()
