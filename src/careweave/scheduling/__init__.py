"""careweave.scheduling."""
