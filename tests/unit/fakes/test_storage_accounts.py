"""The storage tests of accounts, run on the in-memory fakes (see conftest.py)."""

from tests.integration.test_storage_accounts import *  # noqa: F403
