"""What every page shares, over HTTP: the favicon browsers ask for."""

from __future__ import annotations

from tests.integration.web.conftest import World


def test_favicon_is_linked_served_and_found_at_the_old_address(world: World) -> None:
    client = world.api(None)
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    old_address = client.get("/favicon.ico", follow_redirects=False)
    assert old_address.status_code == 301
    assert old_address.headers["location"] == "/static/favicon.svg"
    login = client.get("/login").text
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in login
