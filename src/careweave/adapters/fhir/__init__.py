"""FHIR R4 exchange of a person's record (``fhir.resources`` R4B models validate every resource)."""
