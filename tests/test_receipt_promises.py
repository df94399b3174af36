"""What a receipt promises, read back from the PDF in en / fr / sw (issue 13, items 1.8 and 1.11).

A bundle queued behind one that activates "when the high-speed data is used up" cannot know its
start: the sale records ``starts_exact: false`` and the receipt must print a bound, not a date.
"""

import contextlib
import io
import json

import pytest
from pypdf import PdfReader

from konnect_pos.cli import main

ENV = {"KONNECT_POS_USER": "cashier", "KONNECT_POS_PIN": "1111", "KONNECT_POS_TERMINAL": "KIN01-T1"}

# language → (the bound's words, the glossary's "when the high-speed data is used up", the data unit)
WORDS = {
    "en": ("then, at the end of the period: no later than", "when the high-speed data of", "15 GB"),
    "fr": (
        "ensuite, à la fin de la période : au plus tard le",
        "à l'épuisement des données haut débit",
        "15 Go",
    ),
    "sw": ("kisha, mwishoni mwa mwezi: si zaidi ya", "data ya kasi ya juu ya", "GB 15"),
}


@pytest.fixture(scope="module")
def receipts(tmp_path_factory):
    """One demo shop on a real SQLite file, one sale, its receipt printed in each language."""
    folder = tmp_path_factory.mktemp("promises")
    url = f"sqlite:///{folder / 'shop.db'}"
    sell = ["sell", "--db", url, "--customer", "CD00000001", "--bundle", "CD-LITE15"]
    sell += ["--bundle", "CD-STD40:data_exhausted", "--bundle", "CD-LITE15:period_end"]
    sell += ["--pay", "mobile:mpesa:QK7AB12CD3:0812345678:30", "--pay", "cash:40", "--json"]
    sell += ["--receipt", str(folder / "r-en.pdf"), "--language", "en"]
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(io.StringIO()) as out:
        for key, value in ENV.items():
            patch.setenv(key, value)
        assert main(["demo", "--no-gui", "--customers", "20", "--db", url]) == 0
        out.seek(0), out.truncate()
        assert main(sell) == 0
        sale = json.loads(out.getvalue())
        for lang in ("fr", "sw"):
            target = str(folder / f"r-{lang}.pdf")
            assert (
                main(["receipt", sale["receipt_number"], "--db", url, "--language", lang, "--out", target])
                == 0
            )
    texts = {}
    for lang in ("en", "fr", "sw"):
        reader = PdfReader(str(folder / f"r-{lang}.pdf"))
        texts[lang] = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return sale, texts


def test_the_sale_knows_the_third_bundle_only_has_a_bound(receipts):
    sale, _ = receipts
    third = sale["timeline"]["bundles"][2]
    assert third["trigger"] == "period_end" and third["starts_exact"] is False


@pytest.mark.parametrize("lang", ["en", "fr", "sw"])
def test_an_unknown_hand_over_is_printed_as_a_bound(receipts, lang):
    _, texts = receipts
    bound, used_up, unit = WORDS[lang]
    assert bound in texts[lang]
    assert used_up in texts[lang]
    assert unit in texts[lang]


def test_english_receipt_uses_the_glossary_words_and_no_exact_promise(receipts):
    _, texts = receipts
    assert "is used up (no later than" in texts["en"]
    assert "runs out" not in texts["en"]
    # the only "at the end of the period" on the receipt is the bound
    assert texts["en"].count("at the end of the period:") == texts["en"].count("period: no later than") == 1


def test_french_receipt_says_go_and_the_methods_by_name(receipts):
    _, texts = receipts
    assert " GB" not in texts["fr"]
    assert "Mobile money - M-Pesa" in texts["fr"] and "Espèces" in texts["fr"]
    assert "mobile_money" not in texts["fr"] and "mpesa" not in texts["fr"]
    assert "30 jours" in texts["fr"]
