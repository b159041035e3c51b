"""Who may see and do what in commissioning, built on the shared access policy.

A person's budget is read by those who may read their plan (their team's coordinator, their
practitioner, their family) but not by care workers, who see the person's hours (their time
bank) and never money. Budgets are proposed, signed off and agreed by those who plan with the
person (their practitioner or team coordinator). The commissioner sets the resource allocation
table and reads figures across people, never a name or one person's budget (404, as for any
record they may not know).
"""

from __future__ import annotations

from careweave.domain.accounts.users import Role
from careweave.domain.errors import NotFoundError
from careweave.domain.people.person import Person
from careweave.services.accounts.access import Actor, require_role
from careweave.services.plans.access import check_can_plan, check_can_read_plan

# Who reads the commissioner's figures across every person (never a name).
FIGURE_READERS = (Role.COMMISSIONER,)


def check_can_read_budget(actor: Actor, person: Person) -> None:
    """Raise NotFoundError unless ``actor`` may read ``person``'s budgets."""
    check_can_read_plan(actor, person)
    if actor.role is Role.CARE_WORKER:
        raise NotFoundError("budget", person.id)


def check_can_manage_budget(actor: Actor, person: Person) -> None:
    """Raise unless ``actor`` plans with ``person`` (practitioner or team coordinator)."""
    check_can_plan(actor, person)


def check_can_set_rules(actor: Actor) -> None:
    """Raise PermissionDeniedError unless ``actor`` is the commissioner (or an admin), who sets
    the published rules: the resource allocation table and the rules for paying by the minute."""
    require_role(actor, Role.COMMISSIONER)


def check_can_read_figures(actor: Actor) -> None:
    """Raise PermissionDeniedError unless ``actor`` reads the commissioner's figures."""
    require_role(actor, *FIGURE_READERS)


def check_can_keep_payees(actor: Actor) -> None:
    """Raise unless ``actor`` opens and lists payees' accounts (providers, carers,
    micro-enterprises): those who plan with people, and the commissioner."""
    require_role(actor, Role.PRACTITIONER, Role.COORDINATOR, Role.COMMISSIONER)
