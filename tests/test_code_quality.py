"""Layer contracts (import-linter), lint (ruff) and complete translations of errors."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from konnect_pos.domain import errors
from konnect_pos.i18n import missing_translations

ROOT = Path(__file__).resolve().parent.parent
ERROR_NAMES = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.KonnectError)
} | {"StoreError", "HQUnreachable", "HQRefused"}


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.fail(f"{name} is not installed: run pip install -e '.[test]'")
    return found


def test_layer_contracts_hold():
    result = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean():
    result = subprocess.run(
        [_tool("ruff"), "check", "konnect_pos", "tests", "benchmarks", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def error_templates() -> list[str]:
    found: set[str] = set()
    for path in (ROOT / "konnect_pos").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                first = node.args[0]
                if name in ERROR_NAMES and isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return sorted(found)


def test_error_templates_are_found():
    assert "Enter the customer's name" in error_templates()


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_every_error_message_is_translated(lang):
    assert missing_translations(lang, error_templates()) == []
