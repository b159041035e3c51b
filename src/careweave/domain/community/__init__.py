"""Community: the directory of community assets (Open Referral HSDS 3.0, UK profile), searching it,
and the work that uses it (social prescribing, Local Area Coordination, Community Circles)."""
