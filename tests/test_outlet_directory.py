"""The nearest outlet (issue 20, item 4): great-circle ranking, the demo directory on SQLite and
PostgreSQL, the ``outlets nearest`` command, and the directory's facts coming down from HQ."""

from __future__ import annotations

import json
from decimal import Decimal

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.advice_words import hours_text
from konnect_pos.cli import main
from konnect_pos.domain.errors import NotFound, ValidationError
from konnect_pos.domain.outlet_directory import DirectoryOutlet, Point, distance_km, nearest, parse_point

lat = st.decimals(-90, 90, places=4)
lon = st.decimals(-180, 180, places=4)
points = st.builds(Point, lat, lon)


def test_one_degree_along_the_equator_is_111_km_and_dar_to_arusha_470_as_the_crow_flies():
    assert distance_km(Point(Decimal(0), Decimal(0)), Point(Decimal(0), Decimal(1))) == Decimal("111.2")
    dar, arusha = Point(Decimal("-6.7924"), Decimal("39.2083")), Point(Decimal("-3.3869"), Decimal("36.6830"))
    assert Decimal(460) < distance_km(dar, arusha) < Decimal(480)


@given(points, points)
def test_distance_is_symmetric_never_negative_and_zero_to_itself(a, b):
    assert distance_km(a, b) == distance_km(b, a) >= 0
    assert distance_km(a, a) == 0
    assert distance_km(a, b) <= Decimal("20015.1")  # half the circumference


def outlet(code: str, kind: str, point: Point) -> DirectoryOutlet:
    return DirectoryOutlet(code, code, kind, "TZ", "", "", "", point, "", "", ("cash",))


@given(points, st.lists(st.tuples(st.sampled_from(["shop", "distributor"]), points), max_size=12))
def test_the_ranking_is_by_distance_and_keeps_only_the_kind_asked(origin, spec):
    outlets = [outlet(f"O{n:02d}", kind, p) for n, (kind, p) in enumerate(spec)]
    ranked = nearest(origin, outlets, limit=100)
    assert [n.distance_km for n in ranked] == sorted(n.distance_km for n in ranked)
    assert len(ranked) == len(outlets)
    only = nearest(origin, outlets, kind="distributor", limit=100)
    assert {n.outlet.code for n in only} == {o.code for o in outlets if o.kind == "distributor"}


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "91,0", "0,181", "nan,1"])
def test_a_bad_place_is_one_clear_error(text):
    with pytest.raises(ValidationError):
        parse_point(text)


def test_the_demo_directory_spans_the_four_countries_and_ranks_from_a_town(demo_db):
    from konnect_pos.services.outlet_directory import directory, nearest_outlets

    outlets = directory()
    assert 20 <= len(outlets) <= 30
    assert {o.country for o in outlets} == {"TZ", "CD", "CG", "CI"}
    assert {o.kind for o in outlets} == {"shop", "distributor"}
    found = nearest_outlets(town="bukavu")  # typed in lower case
    assert found.origin == "Bukavu"
    assert [n.outlet.code for n in found.outlets[:2]] == ["BKV01", "GOM01"]
    assert found.outlets[0].distance_km == 0 and found.outlets[0].outlet.methods == ("cash", "mobile_money")
    goma = found.outlets[1].outlet
    assert goma.methods == ("cash", "mobile_money", "card") and goma.phone and goma.opening_hours
    shops = nearest_outlets(at="5.3197,-4.0167", kind="shop", limit=3)
    assert [n.outlet.code for n in shops.outlets] == ["ABJ01", "ABJ02", "BKE01"]
    with pytest.raises(NotFound):
        nearest_outlets(town="Atlantis")
    with pytest.raises(ValidationError):
        nearest_outlets(town="Goma", at="0,0")


def test_the_outlets_command_ranks_in_the_users_language_and_refuses_bad_input(db_url, capsys, monkeypatch):
    assert main(["demo", "--no-gui", "--customers", "2", "--country", "CG", "--db", db_url]) == 0
    capsys.readouterr()
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    assert (
        main(["outlets", "nearest", "--town", "Pointe-Noire", "--kind", "distributor", "--db", db_url]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Les plus proches de Pointe-Noire :"
    assert lines[1].startswith("1. Distributeur Konnect Dolisie (distributeur) — 109,0 km — ")
    assert "Espèces, Mobile money" in lines[1] and "Congo-Brazzaville" in lines[1]
    assert " — lun.–sam. 08:00–17:00 — " in lines[1]
    assert main(["outlets", "nearest", "--at=-6.8,39.28", "--json", "--limit", "2", "--db", db_url]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert [o["code"] for o in answer["outlets"]] == ["DAR02", "ZNZ01"]  # a CG demo: DAR01 is not there
    assert answer["outlets"][0]["takes"] == ["cash", "mobile_money", "card"]
    monkeypatch.setenv("KONNECT_POS_LANG", "sw")
    for argv in (["--town", "Paris"], ["--at", "95,10"], ["--town", "Dolisie", "--limit", "0"]):
        assert main(["outlets", "nearest", *argv, "--db", db_url]) == 2
        err = capsys.readouterr().err
        assert err.startswith("konnect-pos: ") and err.count("\n") == 1 and "Traceback" not in err
        assert "Paris" not in argv or "Hakuna mji unaoitwa Paris" in err


def test_the_directory_comes_down_from_hq_with_its_places(tmp_path, clock, pg_server, monkeypatch):
    from konnect_pos.hq import admin as hq_admin
    from konnect_pos.services.outlet_directory import nearest_outlets
    from konnect_pos.services.sync import client, reference
    from tests.sync_support import HQ, open_terminal_db, private_credentials

    private_credentials(monkeypatch, tmp_path)
    hq = HQ(pg_server)
    try:
        open_terminal_db(tmp_path / "kin.db", clock, customers=2)
        reference.load_reference(hq.url)
        assert hq.query("SELECT town, latitude, phone FROM hq_outlet WHERE code = 'GOM01'") == [
            ("Goma", "-1.6792", "+243 974 802 250")
        ]
        with_place = hq.query("SELECT count(*) FROM hq_outlet WHERE latitude IS NOT NULL")[0][0]
        assert with_place >= 25
        with psycopg.connect(hq.url) as conn:
            conn.execute(
                """INSERT INTO hq_outlet (code, name, kind, country, zone, address, vat_rate, accepts_card,
                       town, district, latitude, longitude, opening_hours, phone, merchant_numbers)
                   VALUES ('UVI01', 'Distributeur Konnect Uvira', 'distributor', 'CD', 'Africa/Lubumbashi',
                       'Avenue du Lac, Uvira', '0.16', FALSE, 'Uvira', 'Kalundu', '-3.3953', '29.1378',
                       'Mo-Sa 08:00-16:00', '+243 997 310 509', '{"mpesa": "880777"}')"""
            )
            # HQ adds an outlet and changes the hours of another
            conn.execute("UPDATE hq_outlet SET opening_hours = 'Mo-Su 07:00-21:00' WHERE code = 'BKV01'")
        terminal_url = hq_admin.add_terminal(hq.url, "KIN01", "T1")
        client.link("KIN01-T1", terminal_url, clock)
        client.sync("KIN01-T1", clock)
        found = nearest_outlets(town="Bukavu", limit=3)
        assert [n.outlet.code for n in found.outlets] == ["BKV01", "GOM01", "UVI01"]  # 100.6 and 104 km
        assert found.outlets[0].outlet.opening_hours == "Mo-Su 07:00-21:00"
        uvira = found.outlets[2].outlet
        assert (uvira.town, uvira.methods, uvira.phone) == (
            "Uvira",
            ("cash", "mobile_money"),
            "+243 997 310 509",
        )
    finally:
        hq.drop()


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "Mon–Fri 08:00–18:00; Sat 09:00–13:00"),
        ("fr", "lun.–ven. 08:00–18:00; sam. 09:00–13:00"),
        ("sw", "Jumatatu–Ijumaa 08:00–18:00; Jumamosi 09:00–13:00"),
    ],
)
def test_opening_hours_use_the_readers_day_names(lang, shown):
    assert hours_text("Mo-Fr 08:00-18:00; Sa 09:00-13:00", lang) == shown
