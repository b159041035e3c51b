"""The storage tests of calendar feed tokens, run on the in-memory fakes (see conftest.py)."""

from tests.integration.rostering.test_storage import *  # noqa: F403
