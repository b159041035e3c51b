"""careweave: adult social care at home under the new models of care."""

__version__ = "0.1.0"
