"""careweave.adapters.cli."""
