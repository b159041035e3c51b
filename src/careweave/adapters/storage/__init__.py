"""careweave.adapters.storage."""
