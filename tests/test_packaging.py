"""What the installer and a plain install carry: only the Qt wheel used, the catalogs shipped compiled.

The build itself (scripts/build-app, ~85 s) and its smoke check (scripts/smoke-built-app) are not
part of this suite: they are too slow for the CI budget (docs/performance.md "Packaging").
"""

from __future__ import annotations

import shutil
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from PySide6.QtCore import QTranslator

from konnect_pos.ui import i18n

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_app_depends_on_pyside6_essentials_only_not_the_meta_package_addons_or_webengine():
    names = {canonicalize_name(Requirement(line).name) for line in PYPROJECT["project"]["dependencies"]}
    assert "pyside6" not in names  # the meta package pulls every add-on (651 MB of Qt)
    assert not [name for name in names if "webengine" in name or "pyqt" in name]
    # Essentials: QtCore, QtGui, QtWidgets, QtPrintSupport. Not Addons (438 MB): PDF pages are
    # rendered by pypdfium2 (konnect_pos/ui/pdf_pages.py), not QtPdf.
    assert "pyside6-essentials" in names and "pyside6-addons" not in names
    assert "pypdfium2" in names


def test_no_module_of_the_app_imports_an_addons_module():
    addons = ("QtPdf", "QtWebEngine", "Qt3D", "QtMultimedia", "QtCharts", "QtQuick", "QtQml")
    for source in (ROOT / "konnect_pos").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert not [name for name in addons if f"PySide6.{name}" in text], source


def test_phone_numbers_come_from_the_lite_build_and_no_module_needs_the_data_it_leaves_out():
    names = {canonicalize_name(Requirement(line).name) for line in PYPROJECT["project"]["dependencies"]}
    assert "phonenumberslite" in names and "phonenumbers" not in names  # ~40 MB of data never read
    left_out = ("geocoder", "carrier", "timezone")
    for source in (ROOT / "konnect_pos").rglob("*.py"):
        lines = [line for line in source.read_text(encoding="utf-8").splitlines() if "phonenumbers" in line]
        assert not [line for line in lines for name in left_out if name in line], source
    import phonenumbers

    assert (
        phonenumbers.format_number(
            phonenumbers.parse("0812345678", "CD"), phonenumbers.PhoneNumberFormat.E164
        )
        == "+243812345678"
    )


def test_pypdfium2_is_pinned_to_the_tested_major_version_and_the_installed_one_meets_it():
    (requirement,) = [
        Requirement(line)
        for line in PYPROJECT["project"]["dependencies"]
        if canonicalize_name(Requirement(line).name) == "pypdfium2"
    ]
    assert requirement.specifier.contains(Version("5.15.2"))  # measured and tested with it
    assert not requirement.specifier.contains(Version("4.30.1"))  # yanked: a PDFium text regression
    assert not requirement.specifier.contains(Version("4.30.0"))  # the 4.x API differs
    assert not requirement.specifier.contains(Version("6.0"))  # a new major may change the raw API
    assert requirement.specifier.contains(Version(version("pypdfium2")))


def test_the_spec_ships_the_package_data_pyproject_lists():
    spec = (ROOT / "packaging" / "konnect-pos.spec").read_text(encoding="utf-8")
    for pattern in PYPROJECT["tool"]["setuptools"]["package-data"]["konnect_pos"]:
        assert f'"{pattern.removeprefix("resources/")}"' in spec, pattern


def test_a_catalog_shipped_compiled_is_loaded_without_compiling_and_a_stale_one_is_not(
    qapp, tmp_path, monkeypatch
):
    shipped = tmp_path / "translations"
    source = Path(shutil.copy(i18n.TRANSLATIONS / "konnect_pos_fr.ts", shipped.mkdir() or shipped))
    built = i18n.compile_catalog(source, shipped)  # what the build does
    monkeypatch.setattr(i18n, "TRANSLATIONS", shipped)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    assert i18n.compiled("fr") == built
    assert not list((tmp_path / "cache").rglob("*.qm"))  # nothing compiled at start
    translator = QTranslator()
    assert translator.load(str(built))
    assert translator.translate("LoginWindow", "Sign in") == "Se connecter"

    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # the .ts edited
    fresh = i18n.compiled("fr")
    assert fresh != built and fresh.parent == tmp_path / "cache" / "konnect-pos" / "translations"


def test_the_suite_runs_on_every_core_with_the_pinned_xdist():
    (requirement,) = [
        Requirement(line)
        for line in PYPROJECT["project"]["optional-dependencies"]["test"]
        if canonicalize_name(Requirement(line).name) == "pytest-xdist"
    ]
    assert requirement.specifier.contains(Version("3.8.0"))  # the suite measured with it
    assert not requirement.specifier.contains(Version("4.0"))  # a major may change -n / --maxprocesses
    assert requirement.specifier.contains(Version(version("pytest-xdist")))
    command = (ROOT / "scripts" / "test").read_text(encoding="utf-8").splitlines()[-1]
    assert "-n auto" in command and "--maxprocesses=4" in command
