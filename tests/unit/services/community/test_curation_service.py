"""Curating the directory on in-memory fakes: coordinators only, each change audited, an edit
keeps what the form does not show."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from tests.community_directory import SmallDirectory
from tests.unit.services.community.conftest import Committed
from tests.unit.services.neighbourhood import UowFactory

from careweave.clock import FixedClock
from careweave.domain.accounts.users import Role
from careweave.domain.errors import PermissionDeniedError
from careweave.services.accounts.access import Actor
from careweave.services.community.curation import DirectoryCuration, EntryDraft

CLOCK = FixedClock(datetime(2026, 3, 2, 9, tzinfo=UTC))
CORA = Actor(user_id="u-cora", username="cora", display_name="Cora", role=Role.COORDINATOR)
BOB = Actor(user_id="u-bob", username="bob", display_name="Bob", role=Role.CARE_WORKER)


@pytest.fixture
def curation(stored: UowFactory) -> DirectoryCuration:
    return DirectoryCuration(stored, CLOCK)


def test_an_edit_changes_what_the_form_shows_and_keeps_the_rest(
    curation: DirectoryCuration, small: SmallDirectory, data: Committed
) -> None:
    lunch = small.services["lunch"]
    draft = EntryDraft(
        organization_id=lunch.organization_id,
        name="Lunch club",
        need_ids=(small.terms["loneliness"].id,),
        days="TU,FR",
        opens_at=time(12),
        closes_at=time(14),
    )
    edited = curation.edit(CORA, lunch.id, draft)
    assert edited.schedules[0].byday == "TU,FR"
    assert edited.schedules[0].id == lunch.schedules[0].id
    assert edited.contacts == lunch.contacts
    assert edited.cost_options == lunch.cost_options
    assert [e.detail for e in data.audit] == ["edited"]


def test_added_entries_are_checked_today_and_retired_ones_stay(
    curation: DirectoryCuration, small: SmallDirectory, data: Committed
) -> None:
    added = curation.add(
        CORA, EntryDraft(organization_id=small.organizations["age_uk"].id, name="Knit and natter")
    )
    assert added.assured_date == CLOCK.today()
    assert not added.check_due(CLOCK.today())
    curation.mark_checked(CORA, small.services["walk"].id, date(2026, 2, 1))
    curation.retire(CORA, added.id)
    assert data.services[added.id].retired
    assert [e.detail for e in data.audit] == ["added", "checked on 2026-02-01", "retired"]


def test_only_a_coordinator_curates(
    curation: DirectoryCuration, small: SmallDirectory, data: Committed
) -> None:
    with pytest.raises(PermissionDeniedError):
        curation.retire(BOB, small.services["walk"].id)
    with pytest.raises(PermissionDeniedError):
        curation.entries(BOB, limit=10, offset=0)
    assert not data.services[small.services["walk"].id].retired
