"""The links in the page header, by role. Add a page's link here with the roles that may open it."""

from __future__ import annotations

from dataclasses import dataclass

from careweave.domain.accounts.users import Role
from careweave.services.accounts.access import (
    AGGREGATE_READERS,
    AUDIT_READERS,
    TEAM_ROLES,
    Actor,
    has_role,
)
from careweave.services.community.access import CURATORS, LINK_WORKERS

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True, slots=True)
class NavLink:
    """One header link, shown to ``roles`` (admins see every link)."""

    label: str
    href: str
    roles: frozenset[Role] = ALL_ROLES


_PLANNING = frozenset({Role.PRACTITIONER, Role.COORDINATOR, Role.CARE_WORKER})

NAV_LINKS: list[NavLink] = [
    NavLink("Home", "/"),
    NavLink("My visits", "/my-visits", frozenset({Role.CARE_WORKER})),
    NavLink("Your calendar", "/calendar", frozenset({Role.CARE_WORKER, Role.FAMILY_MEMBER})),
    NavLink("Team board", "/team", TEAM_ROLES),
    NavLink("Alerts", "/alerts", TEAM_ROLES | {Role.FAMILY_MEMBER}),
    NavLink("Telecare", "/telecare", TEAM_ROLES | {Role.FAMILY_MEMBER}),
    NavLink("People", "/people", _PLANNING | {Role.FAMILY_MEMBER}),
    NavLink("Reablement", "/reablement", _PLANNING),
    NavLink(
        "Shared Lives", "/family-support", TEAM_ROLES | {Role.FAMILY_MEMBER, Role.COMMISSIONER}
    ),
    NavLink("Community", "/community/search", _PLANNING | {Role.FAMILY_MEMBER}),
    NavLink("Directory", "/community/directory", CURATORS),
    NavLink("Social prescribing", "/community/referrals", LINK_WORKERS),
    NavLink(
        "Social prescribing figures", "/community/referrals/figures", frozenset({Role.COMMISSIONER})
    ),
    NavLink("Budgets and hours", "/commissioning", ALL_ROLES),
    NavLink("Team figures", "/figures", AGGREGATE_READERS),
    NavLink("Telecare figures", "/telecare/figures", AGGREGATE_READERS),
    NavLink("Audit trail", "/audit", AUDIT_READERS),
]


def links_for(actor: Actor | None) -> list[NavLink]:
    """The header links ``actor`` may follow (none when signed out)."""
    if actor is None:
        return []
    return [link for link in NAV_LINKS if has_role(actor, *link.roles)]
