"""The telecare JSON API: events from devices, alerts for responders."""
