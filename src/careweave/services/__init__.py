"""careweave.services."""
