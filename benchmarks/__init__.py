"""careweave's benchmark harness: ``python -m benchmarks`` (``make bench``).

Performance targets live here, never in timed unit tests. Each suite writes a markdown table to
``benchmarks/results/<suite>.md``; every solution of every solver is judged by careweave's
independent checker, and the tables show the checker's figures.
"""
