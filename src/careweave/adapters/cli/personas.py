"""``careweave demo personas`` and the demo logins made by ``careweave demo seed``."""

from __future__ import annotations

from typing import Annotated

import typer

from careweave.adapters.cli.database import opened_services
from careweave.adapters.cli.errors import reported_errors
from careweave.bootstrap import Services, load_settings
from careweave.demo.personas import (
    PERSONAS,
    create_demo_personas,
    describe_personas,
    validate_demo_password,
)
from careweave.domain.errors import DomainValidationError

DemoPassword = Annotated[
    str | None,
    typer.Option(
        "--demo-password",
        help="Password of the demo logins (default: CAREWEAVE_DEMO_PASSWORD or 'demo').",
    ),
]


def ensure_demo_personas(services: Services, password: str | None) -> None:
    """Create the demo logins that are missing (called by ``demo seed``) and say so.

    With fewer than two teams there is no team B for ``worker.b``: the logins are skipped with a
    note rather than failing the seed that has just been written.
    """
    with reported_errors():
        chosen = validate_demo_password(password or load_settings().demo_password)
    with services.uow_factory() as uow:
        try:
            created = create_demo_personas(uow, chosen, at=services.clock.now())
        except DomainValidationError as exc:
            typer.echo(f"Demo logins not created: {exc.message} (seed with --teams 2 or more).")
            return
        uow.commit()
    if created:
        typer.echo(f"Demo logins created: {', '.join(u.username for u in created)}.")


def personas(password: DemoPassword = None) -> None:
    """Print the demo logins: username, role, what each sees, and the password."""
    with reported_errors():
        chosen = validate_demo_password(password or load_settings().demo_password)
    with opened_services() as services, services.uow_factory() as uow:
        missing = [p.username for p in PERSONAS if uow.users.find_by_username(p.username) is None]
    typer.echo(describe_personas(chosen))
    if missing:
        typer.echo(f"\nNot in this database yet: {', '.join(missing)}; run `careweave demo seed`.")
