"""The header links each role sees, which follow the access policy's role sets."""

from __future__ import annotations

import pytest

from careweave.adapters.web.navigation import NAV_LINKS, links_for
from careweave.domain.accounts.users import Role
from careweave.services.accounts.access import Actor


def labels(role: Role) -> list[str]:
    actor = Actor(user_id="u", username="u", display_name="X Y", role=role)
    return [link.label for link in links_for(actor)]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            Role.CARE_WORKER,
            [
                "Home",
                "My visits",
                "Your calendar",
                "Team board",
                "Alerts",
                "Telecare",
                "People",
                "Reablement",
                "Shared Lives",
                "Community",
                "Social prescribing",
                "Budgets and hours",
            ],
        ),
        (
            Role.COORDINATOR,
            [
                "Home",
                "Team board",
                "Alerts",
                "Telecare",
                "People",
                "Reablement",
                "Shared Lives",
                "Community",
                "Directory",
                "Social prescribing",
                "Budgets and hours",
                "Team figures",
                "Telecare figures",
                "Audit trail",
            ],
        ),
        (
            Role.PRACTITIONER,
            [
                "Home",
                "People",
                "Reablement",
                "Community",
                "Social prescribing",
                "Budgets and hours",
            ],
        ),
        (
            Role.FAMILY_MEMBER,
            [
                "Home",
                "Your calendar",
                "Alerts",
                "Telecare",
                "People",
                "Shared Lives",
                "Community",
                "Budgets and hours",
            ],
        ),
        (
            Role.COMMISSIONER,
            [
                "Home",
                "Shared Lives",
                "Social prescribing figures",
                "Budgets and hours",
                "Team figures",
                "Telecare figures",
            ],
        ),
    ],
    ids=lambda v: v.value if isinstance(v, Role) else "",
)
def test_each_role_sees_the_links_of_the_pages_it_may_open(role: Role, expected: list[str]) -> None:
    assert labels(role) == expected


def test_an_admin_sees_every_link_and_nobody_signed_out_sees_any() -> None:
    assert labels(Role.ADMIN) == [link.label for link in NAV_LINKS]
    assert links_for(None) == []
