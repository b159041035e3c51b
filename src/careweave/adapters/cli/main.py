"""The ``careweave`` command: one Typer app with a sub-command group per area.

Each group lives in its own module and is added here; commands parse their input, call a service
built by :mod:`careweave.bootstrap`, and turn domain errors into a clear message and exit code 2.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="careweave",
    help="careweave: adult social care at home under the new models of care.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _register_groups() -> None:
    # Imported here, not at module import, so `careweave --help` stays fast and a group's heavy
    # dependencies (numpy, the web stack) load only when that group is used.
    from careweave.adapters.cli import groups

    groups.register(app)


def main() -> None:
    """Entry point of the ``careweave`` console script."""
    _register_groups()
    app()
