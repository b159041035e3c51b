"""The record kinds family support writes in the audit trail, named once for every service."""

from __future__ import annotations

HOUSEHOLD = "carer_household"
REFERRAL = "fs_referral"
ARRANGEMENT = "fs_arrangement"
SCHEME = "fs_scheme"
