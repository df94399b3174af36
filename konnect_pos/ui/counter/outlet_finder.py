"""Nearest outlets for customer-service agents (Ctrl+O, Outlets ▸ Nearest shops and distributors…).

The agent types or picks the caller's town (completion from the directory's towns), may keep
only distributors or only shops, presses Enter: the table lists outlets by great-circle
distance with address, hours, phone and what each takes. The ranking is the service's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.advice_words import distance_text, hours_text, kind_name, methods_text
from konnect_pos.i18n import country_name
from konnect_pos.services import outlet_directory
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import current_language, error_text
from konnect_pos.ui.worker import DbWorker

OPEN_KEY = "Ctrl+O"


class OutletFinderDialog(QDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.found: outlet_directory.NearestOutlets | None = None
        self._serial = 0
        self.town = QLineEdit()
        self.town.returnPressed.connect(self.search)
        self.kind = QComboBox()
        self.kind.addItems(["", "", ""])
        self.kind.currentIndexChanged.connect(lambda _i: self.search() if self.town.text().strip() else None)
        self.summary = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.table = QTableWidget(0, 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.town)
        self.form.addRow(QLabel(), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.resize(1300, 560)  # the address column whole on a 1366×768 laptop
        self.retranslate()
        worker.submit(outlet_directory.towns, self._set_towns, lambda _error: None)

    def _set_towns(self, towns: list[outlet_directory.Town]) -> None:
        completer = QCompleter([t.name for t in towns], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.town.setCompleter(completer)

    def search(self) -> None:
        self._serial += 1
        serial, town = self._serial, self.town.text()
        kind = (None, "shop", "distributor")[self.kind.currentIndex()]
        self.worker.submit(
            lambda: outlet_directory.nearest_outlets(town=town, kind=kind),
            lambda found: self._show(serial, found),
            lambda error: self._fail(serial, error),
        )

    def _fail(self, serial: int, error: Exception) -> None:
        if serial == self._serial:
            self.found = None
            self.error.setText(error_text(error))
            self._fill()

    def _show(self, serial: int, found: outlet_directory.NearestOutlets) -> None:
        if serial == self._serial:
            self.found = found
            self.error.clear()
            self._fill()

    def _fill(self) -> None:
        lang = current_language()
        rows = self.found.outlets if self.found else []
        self.table.setRowCount(len(rows))
        for row, nearby in enumerate(rows):
            o = nearby.outlet
            cells = (
                f"{row + 1}. {o.name}",
                kind_name(o.kind, lang),
                distance_text(nearby.distance_km, lang),
                methods_text(o.methods, lang),
                hours_text(o.opening_hours, lang),
                o.phone,
                o.code,
                f"{o.address} ({o.district}, {o.town}, {country_name(o.country, lang)})",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.found is None:
            self.summary.clear()
        elif rows:
            self.summary.setText(self.tr("Nearest to {town}:").replace("{town}", self.found.origin))
        else:
            self.summary.setText(self.tr("No shop or distributor in the directory"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Nearest shops and distributors"))
        set_label(self.form, self.town, self.tr("Caller's &town"))
        set_label(self.form, self.kind, self.tr("&Show"))
        for index, text in enumerate(
            (self.tr("Shops and distributors"), self.tr("Shops"), self.tr("Distributors"))
        ):
            self.kind.setItemText(index, text)
        self.town.setPlaceholderText(self.tr("Type or pick a town, then Enter"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Outlet"),
                self.tr("Kind"),
                self.tr("Distance"),
                self.tr("Takes"),
                self.tr("Hours"),
                self.tr("Phone"),
                self.tr("Code"),
                self.tr("Address"),
            ]
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class OutletFinder(QWidget):
    """The menu entry and Ctrl+O on the counter window; one dialog at a time."""

    def __init__(self, window: QMainWindow, worker: DbWorker) -> None:
        super().__init__(window)
        self.window_, self.worker = window, worker
        self.dialog: OutletFinderDialog | None = None
        self.menu = window.menuBar().addMenu("")
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence(OPEN_KEY))
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        self.menu.addAction(self.action)
        self.setVisible(False)
        self.retranslate()

    def open(self) -> None:
        if self.dialog is None:
            self.dialog = OutletFinderDialog(self.worker, self.window_)
        self.dialog.open()
        self.dialog.town.setFocus()
        self.dialog.town.selectAll()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Outlets"))
        self.action.setText(self.tr("Nearest shops and distributors…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
