"""The community capability's web API: the public Open Referral UK read API."""
