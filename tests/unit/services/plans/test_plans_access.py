"""Who may plan, rate and read assessments: the role half of the plans policy (no database)."""

from __future__ import annotations

import pytest

from careweave.domain.accounts.users import Role
from careweave.services.accounts.access import Actor
from careweave.services.plans.access import may_plan, may_rate, may_read_assessments


def actor(role: Role) -> Actor:
    return Actor(user_id=f"u-{role.value}", username=role.value, display_name="X Y", role=role)


@pytest.mark.parametrize(
    ("role", "plans", "rates", "reads_assessments"),
    [
        (Role.PRACTITIONER, True, True, True),
        (Role.COORDINATOR, True, True, True),
        (Role.CARE_WORKER, False, True, True),
        (Role.FAMILY_MEMBER, False, False, False),
        (Role.COMMISSIONER, False, False, True),
        (Role.ADMIN, True, True, True),
    ],
    ids=lambda v: v.value if isinstance(v, Role) else str(v),
)
def test_what_each_role_may_do_with_plans(
    role: Role, plans: bool, rates: bool, reads_assessments: bool
) -> None:
    assert may_plan(actor(role)) is plans
    assert may_rate(actor(role)) is rates
    assert may_read_assessments(actor(role)) is reads_assessments


def test_whoever_may_plan_may_also_rate() -> None:
    assert all(may_rate(actor(role)) for role in Role if may_plan(actor(role)))
