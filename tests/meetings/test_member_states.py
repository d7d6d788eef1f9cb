import csv
import io
import zipfile

import pytest
from django.utils import translation

from meetings import member_states
from meetings.models import MemberState

pytestmark = pytest.mark.django_db

UN_NAMES = {
    "BOL": {
        "en": "Bolivia (Plurinational State of)",
        "fr": "Bolivie (État plurinational de)",
        "es": "Bolivia (Estado Plurinacional de)",
    },
    "TUR": {"en": "Türkiye", "fr": "Türkiye", "ru": "Турция"},
    "PRK": {
        "en": "Democratic People's Republic of Korea",
        "zh-hans": "朝鲜民主主义人民共和国",
        "ar": "جمهورية كوريا الشعبية الديمقراطية",
    },
    "GBR": {"en": "United Kingdom of Great Britain and Northern Ireland"},
    "VAT": {"en": "Holy See", "fr": "Saint-Siège"},
    "PSE": {"en": "State of Palestine"},
}


def test_193_members_and_two_observer_states():
    assert MemberState.objects.filter(status="member").count() == 193
    observers = MemberState.objects.filter(status="observer").values_list("iso3", flat=True)
    assert sorted(observers) == ["PSE", "VAT"]
    assert not MemberState.objects.filter(iso3__in=["COK", "NIU", "TWN", "XKX"]).exists()


@pytest.mark.parametrize("iso3", UN_NAMES)
def test_names_are_united_nations_terminology(iso3):
    state = MemberState.objects.get(iso3=iso3)
    for language, name in UN_NAMES[iso3].items():
        with translation.override(language):
            assert state.short_name == name


def test_every_state_is_named_in_every_language():
    for row in member_states.read_fixture():
        for code in ("ar", "zh-hans", "en", "fr", "ru", "es"):
            assert row[f"short_name_{code}"].strip(), (row["iso3"], code)
        assert row["formal_name"].strip(), row["iso3"]


def fake_wheel(tmp_path, rows):
    columns = [
        "ISO 3166-1 Alpha 3-Codes",
        "m49 numerical code",
        "Appears in UNTERM list",
        "Independent",
        "Deprecated",
        "Region Name",
        "English Formal",
        *member_states.TAXONOMY_SHORT_NAME.values(),
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for iso3, m49, unterm, independent in rows:
        names = {
            column: f"{iso3} {column}" for column in member_states.TAXONOMY_SHORT_NAME.values()
        }
        writer.writerow(
            {
                "ISO 3166-1 Alpha 3-Codes": iso3,
                "m49 numerical code": m49,
                "Appears in UNTERM list": unterm,
                "Independent": independent,
                "Deprecated": "N",
                "Region Name": "Europe",
                "English Formal": f"the Republic of {iso3}",
                **names,
            }
        )
    path = tmp_path / "hdx_python_country-0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr("hdx/location/Countries & Territories Taxonomy MVP.csv", buffer.getvalue())
    return path


def test_generator_keeps_members_and_observers_only(tmp_path, monkeypatch):
    wheel = fake_wheel(
        tmp_path,
        [
            ("AUT", 40, "Y", "Y"),
            ("VAT", 336, "Y", "Y"),
            ("COK", 184, "Y", "Y"),  # in UNTERM's list, not a Member
            ("ALA", 248, "", "N"),  # a territory
        ],
    )
    monkeypatch.setattr(member_states, "EXPECTED_COUNT", 2)
    rows = member_states.rows_from_taxonomy(wheel)
    assert [(r["iso3"], r["status"], r["region"]) for r in rows] == [
        ("AUT", "member", "europe"),
        ("VAT", "observer", "europe"),
    ]
    assert rows[0]["short_name_zh-hans"] == "AUT Chinese Short"


def test_generator_refuses_a_taxonomy_that_does_not_give_195_states(tmp_path):
    wheel = fake_wheel(tmp_path, [("AUT", 40, "Y", "Y")])
    with pytest.raises(ValueError, match="gave 1 States, not 195"):
        member_states.rows_from_taxonomy(wheel)


def test_fixture_round_trips(tmp_path):
    rows = member_states.read_fixture()
    copy = tmp_path / "states.csv"
    member_states.write_fixture(rows, copy)
    assert copy.read_text("utf-8") == member_states.FIXTURE.read_text("utf-8")


def test_states_come_with_the_migrations_and_reload_by_command(capsys):
    from django.core.management import call_command

    MemberState.objects.filter(iso3="FRA").update(short_name_fr="changed")
    call_command("load_member_states")
    assert "195 States are up to date." in capsys.readouterr().out
    assert MemberState.objects.get(iso3="FRA").short_name_fr == "France"
