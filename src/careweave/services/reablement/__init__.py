"""Reablement."""
