"""Who may have a calendar feed of visits, built on the shared access policy.

A care worker linked to their worker record has a feed of their own visits, showing what their
team may see of each person; a family member has a feed of who is coming to the people they
support, with workers' first names only. Nobody else has one: a coordinator or practitioner
reads the roster in careweave, a commissioner never sees people, and an administrator has no
visits of their own.
"""

from __future__ import annotations

from careweave.domain.accounts.users import Role
from careweave.domain.errors import PermissionDeniedError
from careweave.domain.rostering.calendar_feed import FeedKind
from careweave.services.accounts.access import Actor


def feed_kind_of(actor: Actor) -> FeedKind:
    """The feed ``actor`` may have; PermissionDeniedError when they may have none."""
    if actor.role is Role.CARE_WORKER and actor.worker_id is not None:
        return FeedKind.WORKER
    if actor.role is Role.FAMILY_MEMBER:
        return FeedKind.FAMILY
    raise PermissionDeniedError("calendar feeds are for care workers and family members")
