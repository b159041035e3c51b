"""Use cases of technology-enabled care: ingest events, evaluate rules, raise, escalate and answer
alerts, register devices, and read a home's activity."""
