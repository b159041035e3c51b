"""Commissioning: personal budgets, Individual Service Funds, the ledger and time banks."""
