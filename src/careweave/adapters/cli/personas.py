"""``careweave demo personas`` and the demo logins made by ``careweave demo seed``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from careweave.adapters.cli.errors import fail, reported_errors
from careweave.adapters.storage.migrate import SchemaOutOfDateError
from careweave.bootstrap import app_uow_factory, build_engine, load_settings
from careweave.demo.personas import (
    PERSONAS,
    create_demo_personas,
    describe_personas,
    validate_demo_password,
)
from careweave.domain.errors import DomainValidationError
from careweave.services.accounts.ports import AccountsUnitOfWork

DemoPassword = Annotated[
    str | None,
    typer.Option(
        "--demo-password",
        help="Password of the demo logins (default: CAREWEAVE_DEMO_PASSWORD or 'demo').",
    ),
]


@contextmanager
def accounts_database() -> Iterator[Callable[[], AccountsUnitOfWork]]:
    """Units of work on the configured database with the account repositories; domain errors
    and database trouble are reported in one line (exit code 2), never a traceback."""
    engine = build_engine(load_settings())
    try:
        with reported_errors():
            yield app_uow_factory(load_settings(), engine)
    except SchemaOutOfDateError as exc:
        raise fail(str(exc)) from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise fail(f"database: {reason}") from None
    finally:
        engine.dispose()


def ensure_demo_personas(password: str | None) -> None:
    """Create the demo logins that are missing (called by ``demo seed``) and say so.

    With fewer than two teams there is no team B for ``worker.b``: the logins are skipped with a
    note rather than failing the seed that has just been written.
    """
    with reported_errors():
        chosen = validate_demo_password(password or load_settings().demo_password)
    with accounts_database() as uow_factory, uow_factory() as uow:
        try:
            created = create_demo_personas(uow, chosen)
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
    with accounts_database() as uow_factory, uow_factory() as uow:
        missing = [p.username for p in PERSONAS if uow.users.find_by_username(p.username) is None]
    typer.echo(describe_personas(chosen))
    if missing:
        typer.echo(f"\nNot in this database yet: {', '.join(missing)}; run `careweave demo seed`.")
