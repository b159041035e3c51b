"""Who may do what with social prescribing referrals, built on the accounts access policy.

Everyone who may see the person may read their referral (their team, their practitioner, their
family); their team's workers and coordinator and their practitioner refer and do the link
worker's work; a commissioner sees the figures only. The directory itself is public.
"""

from __future__ import annotations

from careweave.domain.accounts.users import Role
from careweave.domain.errors import NotFoundError, PermissionDeniedError
from careweave.domain.people.person import Person
from careweave.services.accounts.access import (
    Actor,
    check_can_see_person,
    has_role,
    require_role,
)

# Who refers a person and does the link worker's work (with people they may see), and who
# curates the directory (adds, edits, checks and retires entries, or replaces it whole).
LINK_WORKERS = frozenset({Role.CARE_WORKER, Role.COORDINATOR, Role.PRACTITIONER})
CURATORS = frozenset({Role.COORDINATOR})
# Who counts every referral in the figures (counts only, never a name); everyone else counts the
# referrals of the people they may see.
REFERRAL_COUNTERS = frozenset({Role.COMMISSIONER})


def counts_every_referral(actor: Actor) -> bool:
    """Whether ``actor``'s referral figures cover everyone's referrals (commissioners, admins)."""
    return has_role(actor, *REFERRAL_COUNTERS)


def check_can_read_referral(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may read ``person``'s referrals (NotFoundError for outsiders)."""
    check_can_see_person(actor, person)


def check_can_work_referral(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` may refer ``person`` or do the link worker's work with them."""
    check_can_see_person(actor, person)
    require_role(actor, *LINK_WORKERS)


def may_work_referral(actor: Actor, person: Person) -> bool:
    """Whether ``actor`` may do the link worker's work with ``person`` (for pages' buttons)."""
    try:
        check_can_work_referral(actor, person)
    except (NotFoundError, PermissionDeniedError):
        return False
    return True
