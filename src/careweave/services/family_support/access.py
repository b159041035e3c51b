"""Who may see and do what in family-based support, built on the shared access policy.

A Shared Lives or Homeshare scheme is a team (``scheme_team_id``): its care workers and
coordinator are the scheme workers. They see and run the scheme's households, referrals, matches
and arrangements; only its coordinator records the panel's approval and sets the weights. A
worker of another team sees nothing of the scheme (404). The person's own practitioner and team
coordinator refer them and see their referral and arrangement; a family member sees only their
person's arrangement; a commissioner sees figures only.
"""

from __future__ import annotations

from careweave.domain.accounts.users import Role
from careweave.domain.errors import NotFoundError, PermissionDeniedError
from careweave.domain.family_support.arrangements import Arrangement
from careweave.domain.family_support.referrals import Referral
from careweave.domain.people.person import Person
from careweave.services.accounts.access import TEAM_ROLES, Actor, can_manage_team
from careweave.services.plans.access import check_can_plan, check_can_read_plan


def is_scheme_worker(actor: Actor, scheme_team_id: str) -> bool:
    """True for an admin, or a care worker or coordinator of the scheme's team."""
    return actor.is_admin or (actor.role in TEAM_ROLES and scheme_team_id in actor.team_ids)


def check_can_run_scheme(actor: Actor, scheme_team_id: str) -> None:
    """Raise NotFoundError unless ``actor`` works in the scheme (outsiders learn nothing)."""
    if not is_scheme_worker(actor, scheme_team_id):
        raise NotFoundError("scheme", scheme_team_id)


def can_lead_scheme(actor: Actor, scheme_team_id: str) -> bool:
    """True for an admin or the scheme's coordinator, who records the panel's approval and sets
    the weights (a scheme is a team: its coordinator manages it)."""
    return can_manage_team(actor, scheme_team_id)


def check_can_lead_scheme(actor: Actor, scheme_team_id: str) -> None:
    """Raise unless ``actor`` is the scheme's coordinator (see :func:`can_lead_scheme`)."""
    check_can_run_scheme(actor, scheme_team_id)
    if not can_lead_scheme(actor, scheme_team_id):
        raise PermissionDeniedError("only the scheme's coordinator may do this")


def check_can_refer(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` plans with ``person`` (their practitioner or team coordinator): a
    referral shares the person's needs with the scheme, so it comes from those who hold them."""
    check_can_plan(actor, person)


def check_can_see_referral(actor: Actor, referral: Referral, person: Person) -> None:
    """Raise NotFoundError unless ``actor`` works in the scheme or plans with the person."""
    if is_scheme_worker(actor, referral.scheme_team_id):
        return
    if actor.role is Role.FAMILY_MEMBER:
        raise NotFoundError("referral", referral.id)
    check_can_read_plan(actor, person)


def check_can_see_arrangement(actor: Actor, arrangement: Arrangement, person: Person) -> None:
    """Raise NotFoundError unless ``actor`` works in the scheme or may read the person's plan
    (their team, practitioner or family)."""
    if is_scheme_worker(actor, arrangement.scheme_team_id):
        return
    check_can_read_plan(actor, person)


def check_can_see_figures(actor: Actor, scheme_team_id: str) -> None:
    """Raise unless ``actor`` may read the scheme's figures (a commissioner or its coordinator)."""
    if actor.role is Role.COMMISSIONER:
        return
    check_can_run_scheme(actor, scheme_team_id)
    if actor.role is not Role.COORDINATOR and not actor.is_admin:
        raise PermissionDeniedError("the scheme's figures are for its coordinator")
