"""Konnect POS: the point of sale for Konnect shops and distributors."""

from konnect_pos.store import postgres_driver

__version__ = "0.1.0"

postgres_driver.install()  # psycopg only for a PostgreSQL URL (konnect_pos/store/postgres_driver.py)
