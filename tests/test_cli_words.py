"""The counter commands speak KONNECT_POS_LANG beyond amounts and errors (issue 13, item 1.8)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from konnect_pos.cli import counter_text, main
from konnect_pos.i18n import missing_translations, ngettext
from konnect_pos.services.sync.client import SyncStatus


@pytest.fixture
def shop(sqlite_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    assert main(["demo", "--no-gui", "--customers", "4", "--country", "CD", "--db", sqlite_url]) == 0
    capsys.readouterr()
    return sqlite_url


def test_a_french_sale_tells_the_timeline_in_french(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    argv = [
        "sell",
        "--customer",
        "CD00000004",
        "--bundle",
        "CD-LITE15",
        "--bundle",
        "CD-WEEK5:data_exhausted",
    ]
    assert main([*argv, "--pay", "cash:30", "--db", shop]) == 0
    out = capsys.readouterr().out.replace("\u202f", " ").replace("\u00a0", " ")
    assert "Reçu KIN01-T1-000001  total 23,00 $US  monnaie rendue 7,00 $US" in out
    assert "Payé : Espèces 23,00 $US" in out
    assert "Compte : actif" in out
    assert "maintenant" in out and "à l'épuisement des données" in out and "en attente" in out
    assert "15 Go restants" in out and " au plus tard" in out
    for english in (
        "Account",
        "immediate",
        "data_exhausted",
        "queued",
        "no later than",
        "GB left",
        "from 20",
    ):
        assert english not in out


def test_the_sync_status_line_counts_and_tells_local_time():
    seen = datetime(2026, 11, 29, 15, 55, tzinfo=UTC)
    one = SyncStatus("KIN01-T1", True, 1, seen, seen, "")
    assert counter_text.sync_status_line(one, "Africa/Kinshasa", "fr") == (
        "KIN01-T1 : en ligne, 1 enregistrement en attente, dernière synchro 29/11/2026 16:55"
    )
    two = SyncStatus("KIN01-T1", True, 2, None, seen, "HQ unreachable")
    assert counter_text.sync_status_line(two, "Africa/Kinshasa", "en") == (
        "KIN01-T1: offline, 2 records waiting, last sync never HQ unreachable"
    )


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_every_counter_sentence_is_translated(lang):
    assert missing_translations(lang, list(counter_text.MSGIDS)) == []
    for singular, plural in counter_text.PLURALS:
        words = {"terminal": "KIN01-T1", "last": "—"}
        assert ngettext(lang, singular, plural, 2, **words) != plural.format(n=2, **words)
