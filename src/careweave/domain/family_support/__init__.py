"""Family-based support: Shared Lives carer households, Homeshare, referrals, matching and
arrangements."""
