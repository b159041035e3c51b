"""The record kinds commissioning writes in the audit trail, named once for every service."""

from __future__ import annotations

BUDGET = "personal_budget"
ALLOCATION_TABLE = "allocation_table"
LEDGER_ACCOUNT = "ledger_account"
LEDGER_TRANSACTION = "ledger_transaction"
TIME_BANK = "time_bank"
INVOICE = "invoice"
INVOICE_RULES = "invoice_rules"
