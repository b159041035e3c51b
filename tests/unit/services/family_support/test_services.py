"""The family-support services on the in-memory fakes: what each persona may do, audit entries,
and that a refused write leaves nothing behind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from tests.family_support_builders import SCHEME, TODAY, a_household, a_referral, an_approval
from tests.unit.services.neighbourhood import UowFactory

from careweave.clock import FixedClock
from careweave.domain.accounts.audit import AuditEntry
from careweave.domain.accounts.users import Role
from careweave.domain.errors import DomainValidationError, NotFoundError, PermissionDeniedError
from careweave.domain.family_support.arrangements import (
    Agreement,
    ArrangementStatus,
    Decline,
    DeclinedBy,
)
from careweave.domain.family_support.factors import Factor, Weights
from careweave.domain.family_support.households import HouseholdStatus
from careweave.domain.family_support.referrals import Referral, ReferralStatus
from careweave.domain.family_support.vocab import Skill
from careweave.services.accounts.access import Actor
from careweave.services.family_support.arrangements import ArrangementService
from careweave.services.family_support.households import HouseholdService
from careweave.services.family_support.matching import MatchService
from careweave.services.family_support.referrals import ReferralService

OTHER_TEAM = "other-team"


def actor(role: Role, **scope: frozenset[str]) -> Actor:
    return Actor(
        user_id=f"u-{role.value}", username=role.value, display_name="X", role=role, **scope
    )


SCHEME_COORDINATOR = actor(Role.COORDINATOR, team_ids=frozenset({SCHEME}))
SCHEME_WORKER = actor(Role.CARE_WORKER, team_ids=frozenset({SCHEME}))
OTHER_WORKER = actor(Role.CARE_WORKER, team_ids=frozenset({OTHER_TEAM}))
PRACTITIONER = actor(Role.PRACTITIONER, assigned_person_ids=frozenset({"p-r1"}))
FAMILY = actor(Role.FAMILY_MEMBER, person_ids=frozenset({"p-r1"}))
COMMISSIONER = actor(Role.COMMISSIONER)


def stored_referral(uow: UowFactory, referral_id: str) -> Referral:
    with uow() as u:
        return u.referrals.get(referral_id)


def test_scheme_workers_see_households_and_outsiders_see_nothing(
    households: HouseholdService,
) -> None:
    assert [h.id for h in households.list(SCHEME_WORKER, SCHEME)] == ["h1"]
    assert households.get(SCHEME_COORDINATOR, "h1").id == "h1"
    for outsider in (OTHER_WORKER, FAMILY, COMMISSIONER, PRACTITIONER):
        with pytest.raises(NotFoundError):
            households.get(outsider, "h1")
        with pytest.raises(NotFoundError):
            households.list(outsider, SCHEME)


def test_every_read_is_audited_at_the_clock_s_time(
    households: HouseholdService,
    clock: FixedClock,
    audit_trail: Callable[[], list[AuditEntry]],
) -> None:
    households.get(SCHEME_WORKER, "h1")
    entry = audit_trail()[-1]
    assert (entry.action.value, entry.record_kind, entry.record_id, entry.team_id) == (
        "read",
        "carer_household",
        "h1",
        SCHEME,
    )
    assert entry.at == clock.now()


def test_a_new_household_starts_in_assessment_and_only_the_coordinator_approves(
    households: HouseholdService,
) -> None:
    applicant = a_household("h2", approval=None, status=HouseholdStatus.ASSESSMENT)
    with pytest.raises(DomainValidationError) as err:
        households.register(SCHEME_WORKER, a_household("h3"))
    assert err.value.field == "household.status"
    households.register(SCHEME_WORKER, applicant)
    with pytest.raises(PermissionDeniedError):
        households.approve(SCHEME_WORKER, "h2", an_approval())
    assert households.approve(SCHEME_COORDINATOR, "h2", an_approval()).approved_on(TODAY)


def test_editing_a_household_keeps_the_panel_s_decision(households: HouseholdService) -> None:
    edited = a_household("h1", name="The Okafors", approval=an_approval(max_people=1))
    saved = households.update(SCHEME_WORKER, edited)
    assert saved.name == "The Okafors"
    assert saved.approval == a_household().approval


def test_only_people_s_planners_refer_them(referrals: ReferralService) -> None:
    with pytest.raises(NotFoundError):
        referrals.refer(SCHEME_WORKER, a_referral())
    with pytest.raises(PermissionDeniedError):
        referrals.refer(FAMILY, a_referral())
    referrals.refer(PRACTITIONER, a_referral())
    with pytest.raises(DomainValidationError) as err:
        referrals.refer(PRACTITIONER, a_referral("r2", person_id="p-r1"))
    assert err.value.field == "referral.arrangement_type"
    assert [r.referral.id for r in referrals.waiting_list(SCHEME_WORKER, SCHEME)] == ["r1"]
    assert referrals.get(PRACTITIONER, "r1").person.id == "p-r1"
    for outsider in (FAMILY, OTHER_WORKER, COMMISSIONER):
        with pytest.raises(NotFoundError):
            referrals.get(outsider, "r1")


def test_the_board_places_the_person_with_reasons(
    referrals: ReferralService, matching: MatchService
) -> None:
    referrals.refer(PRACTITIONER, a_referral())
    board = matching.board(SCHEME_WORKER, SCHEME)
    (row,) = board.rows
    assert row.match is not None
    assert row.household is not None
    assert row.household.id == "h1"
    assert row.options[0].in_best_match
    assert all(s.reason for s in row.options[0].candidate.compatibility.factors)
    assert board.stable
    assert board.matched == 1
    with pytest.raises(NotFoundError):
        matching.board(OTHER_WORKER, SCHEME)


def test_the_board_says_why_someone_waits(
    referrals: ReferralService, matching: MatchService
) -> None:
    referrals.refer(PRACTITIONER, a_referral(skills_needed={Skill.PEG_FEEDING}))
    (row,) = matching.board(SCHEME_WORKER, SCHEME).rows
    assert row.match is None
    assert row.waiting_reason == (
        "no household meets every hard rule: Trained in what the person's risks need (1 households)"
    )


def test_a_proposal_that_breaks_a_rule_is_refused_naming_it_and_writes_nothing(
    uow: UowFactory,
    referrals: ReferralService,
    matching: MatchService,
    nothing_written: Callable[[], Any],
) -> None:
    referrals.refer(PRACTITIONER, a_referral(skills_needed={Skill.PEG_FEEDING}))
    # Nothing committed: every table is as it was before the proposal.
    with nothing_written(), pytest.raises(DomainValidationError) as err:
        matching.propose(SCHEME_WORKER, "r1", "h1")
    assert err.value.field == "match"
    assert "Trained in what the person's risks need" in err.value.message
    with uow() as u:
        assert u.arrangements.list() == []
    assert stored_referral(uow, "r1").status is ReferralStatus.WAITING


def test_from_proposal_to_agreement_and_what_the_family_sees(
    uow: UowFactory,
    referrals: ReferralService,
    matching: MatchService,
    arrangements: ArrangementService,
) -> None:
    referrals.refer(PRACTITIONER, a_referral())
    proposed = matching.propose(SCHEME_WORKER, "r1", "h1", room="Attic room")
    assert stored_referral(uow, "r1").status is ReferralStatus.INTRODUCING
    with pytest.raises(NotFoundError):
        arrangements.agree(OTHER_WORKER, proposed.id, Agreement("terms", TODAY))
    agreed = arrangements.agree(
        SCHEME_WORKER, proposed.id, Agreement("terms", TODAY + timedelta(days=3))
    )
    assert agreed.status is ArrangementStatus.AGREED
    assert stored_referral(uow, "r1").matched_on == TODAY + timedelta(days=3)
    family_view = arrangements.of_person(FAMILY, "p-r1")
    assert [v.household.id for v in family_view] == ["h1"]
    assert arrangements.get(FAMILY, proposed.id).arrangement.id == proposed.id
    with pytest.raises(NotFoundError):
        arrangements.get(OTHER_WORKER, proposed.id)


def test_a_decline_puts_the_person_back_on_the_list_and_counts_in_the_weights_report(
    uow: UowFactory,
    referrals: ReferralService,
    matching: MatchService,
    arrangements: ArrangementService,
) -> None:
    referrals.refer(PRACTITIONER, a_referral())
    proposed = matching.propose(SCHEME_WORKER, "r1", "h1")
    arrangements.decline(
        SCHEME_WORKER, proposed.id, Decline(DeclinedBy.PERSON, frozenset({Factor.PETS}))
    )
    assert stored_referral(uow, "r1").waiting
    figures, report = arrangements.figures(SCHEME_COORDINATOR, SCHEME)
    assert figures.waiting == 1
    assert (report[0].factor, report[0].declines) == (Factor.PETS, 1)


def test_figures_are_for_the_coordinator_and_commissioners(
    arrangements: ArrangementService,
) -> None:
    assert arrangements.figures(COMMISSIONER, SCHEME)[0].matched == 0
    with pytest.raises(PermissionDeniedError):
        arrangements.figures(SCHEME_WORKER, SCHEME)
    with pytest.raises(NotFoundError):
        arrangements.figures(OTHER_WORKER, SCHEME)


def test_weights_are_set_by_the_coordinator(matching: MatchService) -> None:
    with pytest.raises(PermissionDeniedError):
        matching.set_weights(SCHEME_WORKER, SCHEME, Weights({Factor.PETS: 9}))
    matching.set_weights(SCHEME_COORDINATOR, SCHEME, Weights({Factor.PETS: 9}))
    assert matching.weights(SCHEME_WORKER, SCHEME).of(Factor.PETS) == 9
