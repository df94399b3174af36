"""Headquarters: its own PostgreSQL schema, the door that checks what terminals push, processing, reports."""
