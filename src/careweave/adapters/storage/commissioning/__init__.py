"""Storage of commissioning: budgets, the allocation table, the ledger and time banks."""
