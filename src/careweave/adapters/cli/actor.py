"""Who the command line acts as, for the access policy and the audit trail."""

from __future__ import annotations

from careweave.domain.accounts import Role
from careweave.services.access import Actor

# The command line is used by whoever runs the server, so it acts as an administrator; the audit
# trail names it.
COMMAND_LINE = Actor(
    user_id="", username="command-line", display_name="Command line", role=Role.ADMIN
)
