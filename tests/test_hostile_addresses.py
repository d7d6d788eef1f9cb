"""Hostile addresses: what a path segment carries (a symbol with a NUL, a slug no page has, an
id past any column's range) reaches a selector as it is. Every answer is a 404 or a 422, never
a 500; on PostgreSQL (REQUIRE_SERVICES=1) too, which refuses NULs in text."""

import pytest

pytestmark = pytest.mark.django_db

NUL = "%00"
HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        f"/en/documents/CTOC/COP/2008/8{NUL}/",
        f"/en/documents/{NUL}/",
        f"/en/reports/CTOC/COP/WG.4/2009/{NUL}/report.pdf",
        f"/en/notes/CTOC/COP/{NUL}/note.pdf",
        "/en/documents/" + "X/" * 200,
    ],
)
def test_a_symbol_no_document_can_have_is_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/documents/CTOC/COP/2008/8{NUL}",
        f"/api/v1/bodies/cop{NUL}",
        f"/api/v1/meetings/wg-2009{NUL}",
        f"/api/v1/agendas/wg-2009{NUL}",
        f"/api/v1/recommendations/wg-2009{NUL}/1",
        f"/api/v1/recommendations/wg-2009/{HUGE}",
        f"/api/v1/decisions/{HUGE}/1",
        f"/api/v1/decisions/4/{HUGE}",
    ],
)
def test_the_apis_hostile_addresses_are_not_found(client, path):
    assert client.get(path).status_code in {404, 422}


@pytest.mark.parametrize(
    "query",
    [
        f"symbol=CTOC{NUL}",
        f"meeting=wg{NUL}",
        f"body=cop{NUL}",
        f"cursor={NUL}",
        f"lang=fr{NUL}",
        "lang=xx",
    ],
)
def test_the_apis_hostile_queries_are_refused_or_ignored(client, query):
    for path in ["/api/v1/documents", "/api/v1/meetings", "/api/v1/recommendations"]:
        assert client.get(f"{path}?{query}").status_code in {200, 400, 422}


def test_an_agenda_not_issued_in_the_readers_language_is_not_found(client):
    from meetings.models import Meeting

    document = Meeting.objects.get(slug="wg-2009").agenda.document
    assert document.released_at is not None
    document.versions.filter(language="ru").delete()
    document.languages = [code for code in document.languages if code != "ru"]
    document.save(update_fields=["languages"])
    assert client.get("/ru/meetings/wg-2009/agenda.pdf").status_code == 404
    assert client.get("/fr/meetings/wg-2009/agenda.pdf").status_code == 302


@pytest.mark.parametrize(
    "path",
    [
        f"/en/admin/meetings/documentversion/upload/?document={NUL}",
        f"/en/admin/meetings/documentversion/upload/?document={HUGE}",
        f"/en/admin/meetings/meeting/{HUGE}/documents/",
        f"/en/admin/recommendations/recommendation/import/?meeting={NUL}",
        f"/en/bodies/working-group-trafficking/recommendations/?meeting={NUL}&outcome={NUL}",
        f"/en/bodies/working-group-trafficking/recommendations/?meeting={HUGE}&format=csv",
    ],
)
def test_the_secretariats_pages_take_hostile_ids(secretariat_client, path):
    assert secretariat_client.get(path).status_code in {200, 404}
