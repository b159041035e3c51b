"""Family-based support pages."""
