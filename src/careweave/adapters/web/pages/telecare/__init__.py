"""Telecare pages: the responder console, a person's activity picture and their rules page."""
