"""The whole catalog at the counter: F6 opens every bundle on sale in a list, typed to filter.

The buttons above the cart keep 1–9 for the first nine bundles and scroll for the rest; this list is
the keyboard's way to any bundle: type part of the name or code, ↑/↓ to choose, Enter adds it to
the cart (the dialog closes), Esc closes without adding.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from konnect_pos.services.catalog import BundleView
from konnect_pos.ui.i18n import data_text, money_text

OPEN_KEY = "F6"


def bundle_line(bundle: BundleView) -> str:
    return f"{bundle.name} · {data_text(bundle.data_gb)} · {money_text(bundle.price)}  [{bundle.code}]"


class CatalogListDialog(QDialog):
    """Every bundle the counter sells now; ``add`` is called with the chosen bundle's code."""

    def __init__(self, bundles: list[BundleView], add: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.bundles, self.add = bundles, add
        self.setModal(True)
        self.filter = QLineEdit()
        self.filter.textChanged.connect(self.refilter)
        self.filter.installEventFilter(self)
        self.list = QListWidget()
        self.list.itemActivated.connect(self._chosen)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.resize(560, 420)
        self.retranslate()
        self.refilter("")
        self.filter.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("All bundles ({count})").replace("{count}", str(len(self.bundles))))
        self.filter.setPlaceholderText(self.tr("Type part of a name or code"))
        self.hint.setText(self.tr("↑/↓ choose · Enter adds to the cart · Esc closes"))

    def refilter(self, text: str) -> None:
        wanted = text.strip().casefold()
        self.list.clear()
        for bundle in self.bundles:
            if wanted in bundle.name.casefold() or wanted in bundle.code.casefold():
                item = QListWidgetItem(bundle_line(bundle))
                item.setData(Qt.ItemDataRole.UserRole, bundle.code)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrows in the filter move the choice; Enter adds it: the hands stay on the keys."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.list.count():
                step = -1 if key == Qt.Key.Key_Up else 1
                row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
                self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.list.currentItem()
                if current is not None:
                    self._chosen(current)
                return True
        return super().eventFilter(watched, event)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.add(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()
