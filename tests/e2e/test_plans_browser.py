"""People, plans and outcomes in real headless Chromium on a phone-sized screen: a practitioner
records a conversation, agrees a plan with two goals, rates both and sees the T-score, then
changes a goal's wording on the "change this plan" page and reads both versions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from tests.e2e.conftest import PHONE, LiveSite, axe_violations, new_page, screenshot

from careweave.clock import SystemClock

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def test_conversation_plan_with_two_goals_rated_shows_the_t_score(
    browser: Any, live_site: LiveSite
) -> None:
    page = new_page(browser, live_site, "practitioner", viewport=PHONE)
    try:
        page.goto("/people")
        page.locator("main a.card-link").first.click()
        person_url = page.url
        assert page.locator("h2#about-me").is_visible()
        assert axe_violations(page) == []
        screenshot(page, "person")

        page.locator("a", has_text="Record conversation").first.click()
        for area in page.locator("form textarea").all():
            area.fill("Her garden, her cat and Sunday lunch with her daughter")
        page.get_by_role("button", name="Save the conversation").click()
        page.wait_for_url(lambda url: "saved=conversation" in url)
        assert page.get_by_role("status").inner_text() == "Conversation saved."

        page.goto(person_url)
        page.get_by_role("link", name="Agree a new plan").click()
        page.fill("#f-goal-0-description", "Walk to the corner shop on my own")
        page.fill("#f-goal-1-description", "Make my own lunch")
        page.fill("#f-action-0-what", "Walking practice with the reablement worker")
        page.fill("#f-action-0-who", "Reablement team")
        page.fill("#f-action-0-when", "Monday, Wednesday and Friday mornings")
        page.fill("#f-review_on", (SystemClock().today() + timedelta(days=42)).isoformat())
        assert axe_violations(page) == []
        page.get_by_role("button", name="Save the plan").click()
        page.wait_for_url(lambda url: "/plans/" in url)
        assert page.locator("#t-score").inner_text() == "not rated yet"

        for goal in range(2):
            form = page.locator("form.rate-form").nth(goal)
            form.locator("select").select_option("1")
            form.get_by_role("button", name="Save rating").click()
            page.wait_for_url(lambda url: "saved=rating" in url)
            assert page.get_by_role("status").inner_text() == "Rating saved."
        # Two unweighted goals at +1: 50 + 10*2 / sqrt(0.7*2 + 0.3*4) = 62.4
        assert page.locator("#t-score").inner_text() == "62.4"
        assert page.locator("figure.chart svg circle.point").count() >= 3
        assert axe_violations(page) == []
        screenshot(page, "plan")
        _change_the_goal_wording(page)
    finally:
        page.context.close()


def _change_the_goal_wording(page: Any) -> None:
    """Add a goal row and remove it again (no JavaScript needed), reword goal 1, save: version 2
    shows the new words and version 1 still reads as it was."""
    plan_url = page.url.split("?")[0]
    page.get_by_role("link", name="Change this plan").click()
    page.get_by_role("button", name="Add a goal").click()
    assert page.locator("#f-goal-2-description").input_value() == ""
    page.get_by_role("button", name="Remove goal 3").click()
    assert page.locator("#f-goal-2-description").count() == 0
    page.fill("#f-goal-0-description", "")
    page.get_by_role("button", name="Save as version 2").first.click()
    error = page.locator("#f-goal-0-description-error")
    assert "goal.description" in error.inner_text()
    assert axe_violations(page) == []
    box = page.get_by_role("button", name="Remove goal 1").bounding_box()
    assert box["height"] >= 44
    screenshot(page, "plan-change-error")
    page.fill("#f-goal-0-description", "Walk to the park and back on my own")
    page.get_by_role("button", name="Save as version 2").first.click()
    page.wait_for_url(lambda url: "saved=version" in url)
    assert page.get_by_role("heading", name="Walk to the park and back on my own").is_visible()
    assert page.get_by_text("Version 2").first.is_visible()
    page.goto(f"{plan_url}?version=1")
    assert page.get_by_role("heading", name="Walk to the corner shop on my own").is_visible()
    assert page.get_by_text("an earlier version").is_visible()


def test_reablement_board_for_the_team(browser: Any, live_site: LiveSite) -> None:
    page = new_page(browser, live_site, "coordinator")
    try:
        page.goto("/reablement")
        assert page.get_by_role("heading", name="Reablement").is_visible()
        assert page.locator("#reablement-board").is_visible()
        assert axe_violations(page) == []
        screenshot(page, "reablement-board")
    finally:
        page.context.close()
