"""``careweave users``: add users, stop or restore them, and make API tokens, from the server."""

from __future__ import annotations

from typing import Annotated

import typer

from careweave.adapters.cli.actor import COMMAND_LINE
from careweave.adapters.cli.database import opened_services
from careweave.domain.accounts.users import ROLE_TITLES, Role
from careweave.services.accounts.accounts import NewUser

app = typer.Typer(
    help="Users: add them, stop or restore them, make API tokens.", no_args_is_help=True
)

Ids = Annotated[list[str] | None, typer.Option(help="May be given more than once.")]


@app.command()
def create(
    username: Annotated[str, typer.Argument(help="Letters, digits, dots, dashes, underscores.")],
    role: Annotated[Role, typer.Option(help="What the user is to careweave.")],
    name: Annotated[str, typer.Option("--name", help="Full name, as shown on pages.")],
    team: Ids = None,
    person: Ids = None,
    assigned_person: Ids = None,
    worker: Annotated[str | None, typer.Option(help="A care worker's worker id.")] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Add a user; the password is asked for (or read from stdin), never given as an argument."""
    if password_stdin:
        password = typer.get_text_stream("stdin").readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    spec = NewUser(
        username=username,
        display_name=name,
        role=role,
        password=password,
        team_ids=frozenset(team or ()),
        person_ids=frozenset(person or ()),
        assigned_person_ids=frozenset(assigned_person or ()),
        worker_id=worker,
    )
    with opened_services() as services:
        user = services.accounts.create_user(COMMAND_LINE, spec)
    typer.echo(f"Added {user.username} ({ROLE_TITLES[user.role].lower()}).")


@app.command("list")
def list_users() -> None:
    """Every user with their role and whether they may sign in."""
    with opened_services() as services:
        users = services.accounts.list_users(COMMAND_LINE)
    for user in users:
        state = "" if user.active else "  (stopped)"
        typer.echo(f"{user.username:<24} {user.role.value:<13} {user.display_name}{state}")


@app.command()
def stop(username: str) -> None:
    """Stop a user from signing in (their sessions and tokens stop working at once)."""
    with opened_services() as services:
        services.accounts.set_active(COMMAND_LINE, username, active=False)
    typer.echo(f"{username} can no longer sign in.")


@app.command()
def restore(username: str) -> None:
    """Let a stopped user sign in again."""
    with opened_services() as services:
        services.accounts.set_active(COMMAND_LINE, username, active=True)
    typer.echo(f"{username} can sign in again.")


@app.command()
def token(
    username: str,
    name: Annotated[str, typer.Option("--name", help="What the token is for.")] = "api",
) -> None:
    """Make an API token acting as USERNAME; it is printed once and never stored."""
    with opened_services() as services:
        made, secret = services.accounts.create_api_token_for(COMMAND_LINE, username, name)
    typer.echo(secret)
    typer.echo(f"Token {made.id} for {username}: send it as 'Authorization: Bearer ...'.", err=True)
