"""Crash logs travel to HQ with the next sync when this machine opted in (issue 16, item 7).

The setting belongs to the machine (like the backup folder): ``crash-logs.ini`` in the user's
config folder, off unless someone turns it on. The logs are the files of ``crash_log`` (the
rotating ``konnect-pos.log*``). A file is known by the hash of its first line, which rotation
(a rename) does not change, and what was sent of it by a byte offset kept in ``sent-to-hq.json``
next to the logs. Each sync sends, per file, what was written since (at most the last 256 KB
of it, whole lines only) as one piece keyed by file and offsets, so a piece resent after a lost
answer is stored once at HQ; the offset moves only after HQ's answer. Pieces go through HQ's
``hq_send_crash_log`` under the push's timeouts: never a journal or outbox record.
"""

from __future__ import annotations

import configparser
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import psycopg

from konnect_pos import crash_log
from konnect_pos.hq.connection import answered_within, refused

PIECE_LIMIT = 256 * 1024
STATE_NAME = "sent-to-hq.json"


@dataclass(frozen=True, slots=True)
class Piece:
    file: str  # identity: hash of the file's first line
    name: str
    start: int
    end: int
    content: str
    truncated: bool

    @property
    def key(self) -> str:
        return f"{self.file}:{self.start}-{self.end}"


def _config_file() -> Path:
    return Path(platformdirs.user_config_dir("konnect-pos", "Konnect")) / "crash-logs.ini"


def sends_to_hq() -> bool:
    parser = configparser.ConfigParser()
    parser.read(_config_file(), encoding="utf-8")
    return parser.getboolean("crash_logs", "send_to_hq", fallback=False)


def set_send_to_hq(on: bool) -> bool:
    parser = configparser.ConfigParser()
    parser["crash_logs"] = {"send_to_hq": "yes" if on else "no"}
    path = _config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        parser.write(handle)
    return sends_to_hq()


def _state_file() -> Path:
    return crash_log.log_dir() / STATE_NAME


def _sent() -> dict[str, int]:
    try:
        state = json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): int(v) for k, v in state.items() if isinstance(v, int)} if isinstance(state, dict) else {}


def _mark_sent(piece: Piece) -> None:
    state = _sent()
    state[piece.file] = piece.end
    path = _state_file()
    spare = path.with_suffix(".tmp")
    spare.write_text(json.dumps(state, indent=1), encoding="utf-8")
    spare.replace(path)


def unsent_pieces() -> list[Piece]:
    """What HQ has not got yet, oldest file first; whole lines only (a line being written waits)."""
    sent = _sent()
    pieces = []
    files = sorted(crash_log.log_dir().glob(crash_log.LOG_NAME + "*"), key=lambda p: p.stat().st_mtime)
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        first_end = data.find(b"\n")
        if first_end < 0:
            continue
        identity = hashlib.sha256(data[: first_end + 1]).hexdigest()[:32]
        end = data.rfind(b"\n") + 1
        start = sent.get(identity, 0)
        if end <= start:
            continue
        begin = max(start, end - PIECE_LIMIT)
        if begin > start:  # cut to the last 256 KB: start at a whole line
            begin = data.find(b"\n", begin - 1) + 1 or end
        text = data[begin:end].decode("utf-8", errors="replace").replace("\x00", "")
        pieces.append(Piece(identity, path.name, start, end, text, begin > start))
    return pieces


def send_crash_logs(conn: psycopg.Connection, label: str, answer: float) -> int:
    """Send the pieces HQ lacks for ``label``; returns how many HQ stored (resends count 0)."""
    stored = 0
    for piece in unsent_pieces():
        try:
            with answered_within(conn, answer):
                new = conn.execute(
                    "SELECT hq_send_crash_log(%s, %s, %s, %s, %s)",
                    (label, piece.key, piece.name, piece.content, piece.truncated),
                ).fetchone()[0]
        except psycopg.Error as exc:
            raise refused(exc) from None
        _mark_sent(piece)
        stored += int(bool(new))
    return stored
