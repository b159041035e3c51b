"""The composition root: the one place that builds engines, units of work and services.

Nothing happens at import time; callers (the CLI, the web app, tests) call these functions with a
:class:`~careweave.config.Settings` and get fully wired objects back.
"""

from __future__ import annotations

from careweave.config import Settings


def load_settings() -> Settings:
    """Read the settings from the environment."""
    return Settings()
