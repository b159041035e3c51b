"""API schemas (pydantic): ``XCreate`` / ``XUpdate`` / ``XPublic`` per resource, separate from the
domain classes and the storage tables."""
