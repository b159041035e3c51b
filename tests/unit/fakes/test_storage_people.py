"""The storage tests of people, run on the in-memory fakes (see conftest.py)."""

from tests.integration.test_storage_people import *  # noqa: F403
