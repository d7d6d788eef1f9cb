"""The mission address book: CSV out and in, every row checked with its line number."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings import services
from meetings.models import PermanentMission

pytestmark = pytest.mark.django_db
HEADER = ",".join(services.MISSION_COLUMNS)


def test_export_then_import_changes_nothing():
    text = services.export_missions(PermanentMission.objects.all())
    assert text.splitlines()[0] == HEADER
    assert len(text.splitlines()) == 196
    before = list(PermanentMission.objects.values())
    assert services.import_missions(text) == (0, 195)
    assert list(PermanentMission.objects.values()) == before


def test_import_updates_and_every_bad_row_is_named_by_its_line():
    good = "FRA,Représentant permanent,Schwindgasse 1,,,Vienne,1040,Autriche,fr,rp@fr.example,no"
    bad = "\n".join(
        [
            HEADER,
            good,
            "XXX,Title,Line,,,City,1,Country,en,a@b.example,no",
            "DEU,,Line,,,City,1,Country,en,a@b.example,no",
            "ITA,Title,Line,,,City,1,Country,it,a@b.example,no",
            "ESP,Title,Line,,,City,1,Country,es,not-an-address,no",
        ]
    )
    with pytest.raises(ValidationError) as error:
        services.import_missions(bad)
    messages = error.value.messages
    assert messages[0] == "Line 3: no State has the code “XXX”."
    assert any(m.startswith("Line 4, functional_title:") for m in messages)
    assert any(m.startswith("Line 5, correspondence_language:") for m in messages)
    assert any(m.startswith("Line 6, email:") for m in messages)
    # One bad row and nothing changes, not even the good row.
    assert PermanentMission.objects.get(state__iso3="FRA").city == "Vienna"
    assert services.import_missions(f"{HEADER}\n{good}\n") == (0, 1)
    mission = PermanentMission.objects.get(state__iso3="FRA")
    assert (mission.city, mission.is_demo) == ("Vienne", False)


def test_import_refuses_a_file_without_the_columns():
    with pytest.raises(ValidationError, match="missing: iso3"):
        services.import_missions("code,title\nFRA,x\n")


def test_admin_imports_and_exports(secretariat_client):
    url = reverse("admin:meetings_permanentmission_import")
    assert secretariat_client.get(url).status_code == 200
    upload = SimpleUploadedFile("m.csv", f"{HEADER}\nZZZ,T,L,,,C,1,K,en,a@b.example,no\n".encode())
    response = secretariat_client.post(url, {"file": upload})
    assert "Line 2: no State has the code “ZZZ”." in response.content.decode()
    latin1 = SimpleUploadedFile("m.csv", "iso3\nFRA,Représentant\n".encode("latin-1"))
    response = secretariat_client.post(url, {"file": latin1})
    assert "not UTF-8" in response.content.decode()
    changelist = reverse("admin:meetings_permanentmission_changelist")
    ids = list(PermanentMission.objects.values_list("pk", flat=True)[:2])
    response = secretariat_client.post(
        changelist, {"action": "export_csv", "_selected_action": ids}
    )
    assert response["Content-Type"] == "text/csv"
    assert len(response.content.decode().splitlines()) == 3


def test_delegates_cannot_import(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="delegate-fr"))
    response = client.get(reverse("admin:meetings_permanentmission_import"))
    assert response.status_code == 302


def test_duplicates_nuls_and_unreadable_lines_are_refused():
    row = "AUT,T,L,,,C,1,K,en,a@b.example,no"
    with pytest.raises(ValidationError, match="Line 3: AUT is on line 2 already."):
        services.import_missions(f"{HEADER}\n{row}\n{row}\n")
    with pytest.raises(ValidationError, match="NUL"):
        services.import_missions(f"{HEADER}\nAUT,T\0,L,,,C,1,K,en,a@b.example,no\n")
    huge = "x" * 200_000
    with pytest.raises(ValidationError, match="Line 2 cannot be read"):
        services.import_missions(f'{HEADER}\nAUT,"{huge}",L,,,C,1,K,en,a@b.example,no\n')


# Any file a spreadsheet or an editor writes: a message with the line, never an error page.

ROW = "AUT,Head of mission,L,,,Vienna,1010,Austria,en,aut@example.org,no"


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_any_line_ending_and_a_byte_order_mark_are_read(end):
    assert services.import_missions(f"\ufeff{HEADER}{end}{ROW}{end}") == (0, 1)
    assert PermanentMission.objects.get(state__iso3="AUT").city == "Vienna"


def test_an_oversized_header_field_is_named_by_its_line():
    with pytest.raises(ValidationError, match="Line 1 cannot be read"):
        services.import_missions(f'"{"x" * 200_000}",{HEADER}\n{ROW}\n')


@pytest.mark.parametrize(
    "content, message",
    [
        (f"{HEADER}\r{ROW}\r".encode(), "1 updated"),
        (f"\ufeff{HEADER}\r\n{ROW}\r\n".encode(), "1 updated"),
        (f"{HEADER}\n{ROW}\n".encode("utf-16"), "not UTF-8"),
        (f"{HEADER}\n{ROW}\n".encode() + b"\xff\xfe", "not UTF-8"),
        (f'"{"x" * 200_000}",{HEADER}\n'.encode(), "Line 1 cannot be read"),
        (f'{HEADER}\nAUT,"{"x" * 200_000}"\n'.encode(), "Line 2 cannot be read"),
        (b"a;b;c\n1;2;3\n", "missing: iso3"),
        (b"", "The submitted file is empty."),
        (f"{HEADER}\n".encode() + b"x" * (3 * 1024 * 1024), "larger than 2 MB"),
    ],
)
def test_the_admin_import_answers_any_file_with_a_message(secretariat_client, content, message):
    url = reverse("admin:meetings_permanentmission_import")
    upload = SimpleUploadedFile("m.csv", content)
    response = secretariat_client.post(url, {"file": upload}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_exports_write_formulas_as_text_and_read_them_back():
    mission = PermanentMission.objects.get(state__iso3="AUT")
    mission.functional_title = '=HYPERLINK("http://example.org","x")'
    mission.city = "-2+3"
    mission.address_line2 = "@SUM(A1)"
    mission.save()
    text = services.export_missions(PermanentMission.objects.filter(pk=mission.pk))
    row = text.splitlines()[1]
    assert row.startswith("AUT,\"'=HYPERLINK(") and ",'-2+3," in row and ",'@SUM(A1)," in row
    assert services.import_missions(text) == (0, 1)
    mission.refresh_from_db()
    assert mission.functional_title.startswith("=HYPERLINK") and mission.city == "-2+3"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    from wgportal.spreadsheet import neutralised, plain

    assert neutralised(f"{start}1") == f"'{start}1"
    assert plain(neutralised(f"{start}1")) == f"{start}1"
    assert neutralised("Vienna") == "Vienna" and neutralised(3) == 3
