"""Rostering."""
