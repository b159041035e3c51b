"""The storage tests of workforce, run on the in-memory fakes (see conftest.py)."""

from tests.integration.test_storage_workforce import *  # noqa: F403
