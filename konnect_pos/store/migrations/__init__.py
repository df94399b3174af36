"""Schema steps, one module per version (``m0001_…``), applied in order at open.

Each module has ``VERSION`` and ``apply(database, dialect)``; the runner applies a
step and records its version in one transaction. Steps are raw SQL so they never
depend on today's models.
"""
