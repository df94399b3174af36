"""Who is selling where: a signed-in user at a terminal, with the injected clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from konnect_pos.domain.roles import Right, require
from konnect_pos.services.clock import Clock, local_date
from konnect_pos.services.outlets import TerminalView, get_terminal
from konnect_pos.services.users import SignedInUser, authenticate


@dataclass(frozen=True, slots=True)
class Counter:
    terminal: TerminalView
    user: SignedInUser
    clock: Clock

    def require(self, right: Right) -> None:
        require(self.user.role, right)

    def today(self) -> date:
        """The outlet's local date now: the business date a use case works on."""
        return local_date(self.clock(), self.terminal.outlet.zone)


def sign_in(terminal_label: str, username: str, pin: str, clock: Clock) -> Counter:
    terminal = get_terminal(terminal_label)
    return Counter(terminal=terminal, user=authenticate(username, pin, clock), clock=clock)
