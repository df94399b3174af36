"""The cart: bundles in activation order, each queued one with its activation choice.

Keys while the cart has focus: 1–9 add the n-th catalog bundle, Del removes, Alt+↑/↓ move,
Space switches the selected bundle between "end of the period" and "when the data runs out".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from konnect_pos.domain.bundle_queue import Trigger
from konnect_pos.services.checkout import CartItem, CartPreview

PRICE_MARGIN = 8  # pixels each side of the widest amount in the price column


class CartWidget(QTableWidget):
    changed = Signal()
    add_requested = Signal(int)  # n-th catalog bundle, from 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.items: list[CartItem] = []
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)  # sized by _fit_prices
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Bundle"), self.tr("Activation"), self.tr("Price")])
        self.refresh_choices()
        self._fit_prices()

    def trigger_labels(self) -> dict[Trigger, str]:
        return {
            Trigger.PERIOD_END: self.tr("At the end of the period"),
            Trigger.DATA_EXHAUSTED: self.tr("When the data runs out"),
        }

    def add(self, bundle_code: str) -> None:
        self.items.append(CartItem(bundle_code, Trigger.PERIOD_END))
        self.setRowCount(len(self.items))
        self.setItem(len(self.items) - 1, 0, QTableWidgetItem(bundle_code))
        self.selectRow(len(self.items) - 1)
        self.changed.emit()

    def clear_cart(self) -> None:
        self.items = []
        self.setRowCount(0)
        self.changed.emit()

    def set_trigger(self, row: int, trigger: Trigger) -> None:
        if 0 <= row < len(self.items) and self.items[row].trigger != trigger:
            self.items[row] = CartItem(self.items[row].bundle_code, trigger)
            self.changed.emit()

    def show_preview(self, preview: CartPreview | None, money_text) -> None:
        selected = self.currentRow()
        self.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            line = preview.lines[row] if preview and row < len(preview.lines) else None
            name = QTableWidgetItem(line.bundle.name if line else item.bundle_code)
            self.setItem(row, 0, name)
            price = QTableWidgetItem(money_text(line.price) if line else "")
            price.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 2, price)
        self.refresh_choices(preview)
        self._fit_prices()
        if 0 <= selected < len(self.items):
            self.selectRow(selected)

    def refresh_choices(self, preview: CartPreview | None = None) -> None:
        labels = self.trigger_labels()
        for row, item in enumerate(self.items):
            immediate = (
                preview is not None
                and row < len(preview.lines)
                and preview.lines[row].trigger is Trigger.IMMEDIATE
            )
            if immediate:
                self.removeCellWidget(row, 1)
                self.setItem(row, 1, QTableWidgetItem(self.tr("Now")))
                continue
            combo = QComboBox()
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            for trigger, label in labels.items():
                combo.addItem(label, trigger.value)
            combo.setCurrentIndex(combo.findData((item.trigger or Trigger.PERIOD_END).value))
            combo.currentIndexChanged.connect(
                lambda _=0, r=row, c=combo: self.set_trigger(r, Trigger(c.currentData()))
            )
            self.setItem(row, 1, QTableWidgetItem(""))
            self.setCellWidget(row, 1, combo)
        widest = max((self.fontMetrics().horizontalAdvance(text) for text in labels.values()), default=0)
        self.setColumnWidth(1, widest + 48)  # room for the combo's arrow in every language

    def _fit_prices(self) -> None:
        """The price column as wide as its widest amount plus a margin each side: Qt's own fit
        (ResizeToContents) left the first digit or letter touching the column's edge."""
        texts = [item.text() for row in range(self.rowCount()) if (item := self.item(row, 2))]
        widest = max((self.fontMetrics().horizontalAdvance(text) for text in texts), default=0)
        heading = self.horizontalHeader().sectionSizeFromContents(2).width()
        self.setColumnWidth(2, max(widest + 2 * PRICE_MARGIN, heading))

    def activation_text(self, row: int) -> str:
        widget = self.cellWidget(row, 1)
        if isinstance(widget, QComboBox):
            return widget.currentText()
        item = self.item(row, 1)
        return item.text() if item else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        row = self.currentRow()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not mods & Qt.KeyboardModifier.AltModifier:
            self.add_requested.emit(key - Qt.Key.Key_1)
        elif key == Qt.Key.Key_Delete and 0 <= row < len(self.items):
            del self.items[row]
            self.changed.emit()
            self.selectRow(min(row, len(self.items) - 1))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods & Qt.KeyboardModifier.AltModifier:
            target = row - 1 if key == Qt.Key.Key_Up else row + 1
            if 0 <= row < len(self.items) and 0 <= target < len(self.items):
                self.items[row], self.items[target] = self.items[target], self.items[row]
                self.changed.emit()
                self.selectRow(target)
        elif key == Qt.Key.Key_Space and 0 <= row < len(self.items):
            current = self.items[row].trigger
            self.set_trigger(
                row, Trigger.DATA_EXHAUSTED if current is not Trigger.DATA_EXHAUSTED else Trigger.PERIOD_END
            )
        else:
            super().keyPressEvent(event)
