"""Commissioning pages: budgets, the ledger and time banks."""
