"""Every ``self.tr("…")`` of the GUI has its French and Swahili text in the Qt catalogs.

Qt looks a string up by its class (the context) and its English text; a string missing from a
catalog silently shows in English, so the check is made here, per class, from the source.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from konnect_pos.paths import RESOURCES

ROOT = Path(__file__).resolve().parent.parent


def gui_strings() -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / "konnect_pos" / "ui").rglob("*.py"):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(cls, ast.ClassDef):
                continue
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    found.add((cls.name, node.args[0].value))
    return found


def translated(lang: str) -> set[tuple[str, str]]:
    root = ET.parse(RESOURCES / "translations" / f"konnect_pos_{lang}.ts").getroot()
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
        if _text(message.find("translation"))
        and message.find("translation").get("type") not in ("unfinished", "obsolete", "vanished")
    }


def _text(translation: ET.Element) -> str:
    """The translation, or its plural forms joined (a ``%n`` message holds ``numerusform`` children)."""
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return "".join(forms).strip() if forms else (translation.text or "").strip()


def test_the_gui_strings_are_found():
    assert ("ManagerMenu", "Only a manager can open corporate accounts.") in gui_strings()


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_every_gui_string_has_its_translation(lang):
    assert sorted(gui_strings() - translated(lang)) == []
