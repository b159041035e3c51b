"""Who the command line acts as, for the access policy and the audit trail."""

from __future__ import annotations

from careweave.domain.accounts.users import Role
from careweave.services.accounts.access import Actor, Origin

# The operator at the server's command line: trusted like an administrator, and audited as "cli".
COMMAND_LINE = Actor(
    user_id="cli",
    username="cli",
    display_name="Command line",
    role=Role.ADMIN,
    origin=Origin(ip="local", user_agent="careweave command line"),
)
