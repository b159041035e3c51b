"""Storage of the community capability: the directory and the work that uses it."""
