"""Who is selling where: a signed-in user at a terminal, with the injected clock."""

from __future__ import annotations

from dataclasses import dataclass

from konnect_pos.domain.roles import Right, require
from konnect_pos.services.clock import Clock
from konnect_pos.services.outlets import TerminalView, get_terminal
from konnect_pos.services.users import SignedInUser, authenticate


@dataclass(frozen=True, slots=True)
class Counter:
    terminal: TerminalView
    user: SignedInUser
    clock: Clock

    def require(self, right: Right) -> None:
        require(self.user.role, right)


def sign_in(terminal_label: str, username: str, pin: str, clock: Clock) -> Counter:
    terminal = get_terminal(terminal_label)
    return Counter(terminal=terminal, user=authenticate(username, pin, clock), clock=clock)
