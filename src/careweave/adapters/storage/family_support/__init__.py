"""Storage of family-based support: households, referrals, arrangements, scheme weights."""
