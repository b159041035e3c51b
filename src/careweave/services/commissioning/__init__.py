"""Use cases of commissioning: personal budgets, the ledger and time banks."""
