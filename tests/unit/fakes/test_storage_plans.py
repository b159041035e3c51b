"""The storage tests of plans, run on the in-memory fakes (see conftest.py)."""

from tests.integration.test_storage_plans import *  # noqa: F403
