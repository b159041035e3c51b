"""Telecare events from the broker: topics, payloads and the consumer that stores them."""
