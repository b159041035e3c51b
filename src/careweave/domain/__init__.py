"""careweave's domain: pure Python, standard library only.

Nothing here imports a framework or the database; ``tests/architecture`` enforces it.
"""
