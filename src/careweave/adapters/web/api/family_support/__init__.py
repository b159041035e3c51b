"""Family-based support."""
