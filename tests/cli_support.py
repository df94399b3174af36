"""What the CLI tests share: one command run in-process, with what it printed."""

from __future__ import annotations

from konnect_pos.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """``konnect-pos ARGV``: its exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
