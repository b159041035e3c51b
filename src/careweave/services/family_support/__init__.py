"""Family-based support: Shared Lives and Homeshare use cases."""
