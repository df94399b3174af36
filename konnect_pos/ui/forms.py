"""Form labels that keep their mnemonic (Alt+letter) pointing at their field."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def set_label(form: QFormLayout, field: QWidget, text: str) -> None:
    label = form.labelForField(field)
    if isinstance(label, QLabel):
        label.setText(text)
        label.setBuddy(field)
