"""iCalendar (RFC 5545): the calendar feeds of workers and families, written with ``icalendar``."""
