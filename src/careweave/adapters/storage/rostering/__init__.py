"""Storage of the rostering capability: the secret links of calendar feeds."""
