"""The counter window and its parts."""
