"""Managers ▸ Catalog… (Ctrl+Shift+C): the outlet country's bundles and plans, and a manager's changes.

The table is ``catalog_admin.list_catalog`` (price in effect today and since when, active or
retired); Add, Change selected and Retire selected call the same services as ``konnect-pos
catalog``, on the worker, and the counter's bundle buttons are reloaded after each change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.services import catalog_admin
from konnect_pos.services.catalog_admin import CatalogEntry
from konnect_pos.services.session import Counter
from konnect_pos.ui.i18n import error_text, money_text
from konnect_pos.ui.worker import DbWorker


class CatalogManagerDialog(QDialog):
    def __init__(
        self, counter: Callable[[], Counter], worker: DbWorker, changed: Callable[[], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.counter, self.worker, self.changed = counter, worker, changed
        self.entries: list[CatalogEntry] = []
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.item = QComboBox()
        self.item.addItem("", "bundle")
        self.item.addItem("", "plan")
        self.code, self.name, self.price = QLineEdit(), QLineEdit(), QLineEdit()
        self.gb, self.days, self.effective = QLineEdit(), QLineEdit(), QLineEdit()
        self.effective.setPlaceholderText("YYYY-MM-DD")
        self.labels = [QLabel() for _ in range(7)]
        grid = QGridLayout()
        for column, (label, field) in enumerate(
            zip(
                self.labels,
                (self.item, self.code, self.name, self.price, self.gb, self.days, self.effective),
                strict=True,
            )
        ):
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
        self.add_button, self.change_button, self.retire_button = QPushButton(), QPushButton(), QPushButton()
        self.close_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change_selected)
        self.retire_button.clicked.connect(self.retire_selected)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.retire_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.resize(900, 520)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Catalog"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Price"),
                self.tr("Since"),
                self.tr("State"),
            ]
        )
        self.item.setItemText(0, self.tr("Bundle"))
        self.item.setItemText(1, self.tr("Plan"))
        for label, text in zip(
            self.labels,
            (self.tr("&Kind"), self.tr("C&ode"), self.tr("&Name"), self.tr("&Price"), self.tr("&GB"),
             self.tr("&Days"), self.tr("&From")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        self.add_button.setText(self.tr("&Add"))
        self.change_button.setText(self.tr("&Change selected"))
        self.retire_button.setText(self.tr("&Retire selected"))
        self.close_button.setText(self.tr("Close"))
        self.show_entries(self.entries)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        counter = self.counter()
        country = counter.terminal.outlet.country.code
        self.worker.submit(
            lambda: catalog_admin.list_catalog(counter.clock(), country), self.show_entries, self.show_error
        )

    def show_entries(self, entries: list[CatalogEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                self.tr("Bundle") if entry.item == "bundle" else self.tr("Plan"),
                entry.code,
                entry.name,
                money_text(entry.price),
                entry.since.isoformat() if entry.since else "—",
                self.tr("active") if entry.active else self.tr("retired"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _selected(self) -> CatalogEntry | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.entries):
            self.message.setText(self.tr("Choose a bundle or plan in the list first"))
            return None
        return self.entries[row]

    def add(self) -> None:
        counter, item = self.counter(), self.item.currentData()
        code, name, price, gb, days = (
            f.text() for f in (self.code, self.name, self.price, self.gb, self.days)
        )
        if item == "bundle":
            self._run(lambda: catalog_admin.add_bundle(counter, None, code, name, price, gb, days))
        else:
            self._run(lambda: catalog_admin.add_plan(counter, None, code, name, price, days))

    def change_selected(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        counter = self.counter()
        typed = {
            "name": self.name.text().strip() or None,
            "price": self.price.text().strip() or None,
            "effective": self.effective.text().strip() or None,
            "days": self.days.text().strip() or None,
            "data_gb": self.gb.text().strip() or None,
        }
        self._run(lambda: catalog_admin.change(counter, entry.item, entry.code, **typed))

    def retire_selected(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        counter = self.counter()
        self._run(lambda: catalog_admin.retire(counter, entry.item, entry.code))

    def _run(self, job: Callable[[], CatalogEntry]) -> None:
        self.message.clear()
        self.worker.submit(job, self._done, self.show_error)

    def _done(self, entry: CatalogEntry) -> None:
        for field in (self.code, self.name, self.price, self.gb, self.days, self.effective):
            field.clear()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved: {code}").replace("{code}", entry.code))
        self.reload()
        self.changed()

    def show_error(self, error: Exception) -> None:
        self.message.setStyleSheet("color: #b91c1c")
        self.message.setText(error_text(error))
