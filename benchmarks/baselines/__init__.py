"""Baseline solvers for the HHCRSP suite (benchmark-only: OR-Tools routing and PyVRP).

Both emit careweave's solution shape (``routes`` of ``{"caregiver", "visits": [{"patient",
"service", "start"}]}``) so that careweave's independent checker judges all three solvers alike.
"""
