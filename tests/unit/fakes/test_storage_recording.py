"""The storage tests of recording, run on the in-memory fakes (see conftest.py)."""

from tests.integration.test_storage_recording import *  # noqa: F403
