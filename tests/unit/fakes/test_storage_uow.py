"""The storage tests of the unit of work, run on the in-memory fakes (see conftest.py)."""

from tests.integration.test_storage_uow import *  # noqa: F403
