"""careweave.adapters."""
