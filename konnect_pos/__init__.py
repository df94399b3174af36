"""Konnect POS: the point of sale for Konnect shops and distributors."""

__version__ = "0.1.0"
