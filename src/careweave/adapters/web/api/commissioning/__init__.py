"""The commissioning JSON API: budgets, the ledger and time banks."""
