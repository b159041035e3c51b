"""careweave.adapters.web."""
