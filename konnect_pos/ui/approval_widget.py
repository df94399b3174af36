"""A manager's approval, the same in every dialog that needs one: the manager chosen by name, the PIN.

The list holds the display names of the users who hold the right (from the users service), so
nobody has to know a login name. Enter in the PIN field belongs to the dialog's default button;
a refused PIN is cleared and the cursor put back in it, the message stays in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from konnect_pos.domain.errors import AuthenticationFailed, PermissionDenied
from konnect_pos.domain.roles import Right
from konnect_pos.services import users
from konnect_pos.services.clock import Clock
from konnect_pos.services.users import SignedInUser
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.worker import DbWorker

Approval = tuple[str, str]  # (username, PIN) as chosen and typed


def approving_user(approval: Approval | None, clock: Clock) -> SignedInUser | None:
    """On the worker: the approver for a correct PIN, None when no approval was asked for."""
    return users.authenticate(approval[0], approval[1], clock) if approval else None


class ApprovalWidget(QGroupBox):
    """Hidden (and ``approval()`` None) when the signed-in user holds the rights themselves."""

    def __init__(
        self, worker: DbWorker, rights: tuple[Right, ...], *, needed: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.needed = needed
        self.nobody = False  # the list came back empty (or could not be read)
        self.approver = QComboBox()
        self.approver.setMinimumWidth(220)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.form = QFormLayout(self)
        self.form.addRow(QLabel(), self.approver)
        self.form.addRow(QLabel(), self.pin)
        self.form.addRow(self.hint)
        self.setTabOrder(self.approver, self.pin)
        self.setVisible(needed)
        self.retranslate()
        if needed:
            worker.submit(lambda: users.list_approvers(*rights), self.show_approvers, self._not_loaded)

    def retranslate(self) -> None:
        self.setTitle(self.tr("A manager approves"))
        set_label(self.form, self.approver, self.tr("Appro&ved by"))
        set_label(self.form, self.pin, self.tr("Manager's &PIN"))
        self.pin.setPlaceholderText(self.tr("The manager types their PIN"))
        self.hint.setText(self.tr("Nobody at this terminal can approve this.") if self.nobody else "")
        self.hint.setVisible(self.nobody)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_approvers(self, names: list[tuple[str, str]]) -> None:
        self.approver.clear()
        shown = [full_name for _username, full_name in names]
        for username, full_name in names:
            same_name = shown.count(full_name) > 1  # two people of one name: the login name tells them apart
            self.approver.addItem(f"{full_name} ({username})" if same_name else full_name, username)
        self.nobody = not names
        self.retranslate()

    def _not_loaded(self, _error: Exception) -> None:
        self.nobody = True
        self.retranslate()

    def approval(self) -> Approval | None:
        if not self.needed:
            return None
        return str(self.approver.currentData() or ""), self.pin.text()

    def approved(self) -> None:
        """Done: the PIN does not stay behind in the field."""
        self.pin.clear()
        self.setEnabled(False)

    def refused(self, error: Exception) -> None:
        """A wrong PIN or an approver without the right: clear the PIN and put the cursor back."""
        if self.needed and isinstance(error, AuthenticationFailed | PermissionDenied):
            self.pin.clear()
            self.pin.setFocus()
