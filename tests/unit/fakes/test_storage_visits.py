"""The storage tests of visits, run on the in-memory fakes (see conftest.py)."""

from tests.integration.test_storage_visits import *  # noqa: F403
