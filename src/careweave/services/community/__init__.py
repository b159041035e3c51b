"""Use cases of the community capability: the directory, searching it, and the work that uses it."""
