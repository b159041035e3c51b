"""Open Referral HSDS 3.0 with the UK profile: the directory as HSDS JSON and as HSDS's tables,
written for the public API and export, read for import."""
