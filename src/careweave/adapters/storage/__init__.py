"""Storage on SQLite and PostgreSQL: SQLAlchemy 2 tables and repositories, Alembic migrations.

One package per capability, each named and laid out the same way:

* ``<capability>/tables.py``: its tables (``<Thing>Row`` classes on the shared metadata);
* ``<capability>/mapping.py``: rows to domain objects and back, where that takes more than a line;
* ``<capability>/repositories.py``: ``Sql<Port>`` for each port of
  ``careweave.services.<capability>.ports`` (``SqlPersonRepository`` implements
  ``PersonRepository``, ``SqlAuditLog`` implements ``AuditLog``). Visits keeps the repositories
  of its records and alerts in ``recording_repositories.py``, as one module would pass 400 lines.

Beside them: :mod:`.uow` (``SqlUnitOfWork``, every capability's repositories on one session),
:mod:`.database` (engines), :mod:`.migrate` and ``migrations/``, and what the capabilities share
(:mod:`.schema`, :mod:`.repository`, :mod:`.person_owned`, :mod:`.json_columns`).
"""
