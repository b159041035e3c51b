"""Workforce."""
