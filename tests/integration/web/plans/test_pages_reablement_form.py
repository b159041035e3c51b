"""The reablement start form keeps what was typed: a refused start comes back with the day and
every Barthel score chosen, and the error beside the item it is about."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.integration.web.conftest import World, csrf_of

from careweave.clock import SystemClock

TODAY = SystemClock().today()  # the app's clock: today in London
# Four items scored, six left empty: the form asks for every item or none.
SCORES = {"feeding": "10", "bathing": "5", "stairs": "5", "mobility": "15"}


def test_a_refused_start_keeps_the_day_and_the_scores(world: World) -> None:
    pat = world.browser("pat")
    url = f"/people/{world.person_a.id}/reablement"
    csrf = csrf_of(pat.get(f"{url}/new").text)
    started_on = (TODAY - timedelta(days=3)).isoformat()
    typed = {f"barthel-{item}": score for item, score in SCORES.items()}
    refused = pat.post(url, data={"csrf_token": csrf, "started_on": started_on, **typed})
    assert refused.status_code == 422
    page = refused.text
    assert f'name="started_on" type="date" value="{started_on}"' in page
    for item, score in SCORES.items():
        within = r"(?:(?!</select>).)*?"  # inside this item's select only
        selected = rf'name="barthel-{item}"{within}<option value="{score}" selected>'
        assert re.search(selected, page, re.S), item
    error = re.search(r'id="f-barthel-(\w+)-error" data-field="barthel\.(\w+)"', page)
    assert error, "no error beside a Barthel item"
    name = error.group(1)
    assert (
        f'name="barthel-{name}" aria-invalid="true" aria-describedby="f-barthel-{name}-error"'
        in page
    )
    assert "Nothing was lost" in page
