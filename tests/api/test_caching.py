"""Every answer says how long it may be kept and carries an ETag; a client that holds the same
answer gets a 304; refusals are not kept."""

import pytest

pytestmark = pytest.mark.django_db

PATHS = [
    "/api/v1/bodies",
    "/api/v1/meetings?lang=all",
    "/api/v1/meetings/wg-2009",
    "/api/v1/decisions/4/4",
    "/api/v1/documents",
    "/api/v1/agendas/wg-2009",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("path", PATHS)
def test_answer_has_etag_and_cache_control_and_a_304(api, settings, path):
    response = api(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == f"public, max-age={settings.API_CACHE_SECONDS}"
    etag = response["ETag"]
    again = api(path, if_none_match=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag and again.content == b""
    assert api(path, if_none_match='"other"').status_code == 200


def test_another_language_is_another_answer(api):
    english, french = api("/api/v1/decisions/4/4?lang=en"), api("/api/v1/decisions/4/4?lang=fr")
    assert english["ETag"] != french["ETag"]
    assert api("/api/v1/decisions/4/4", accept_language="fr")["ETag"] == french["ETag"]


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/v1/meetings?date_from=never", 400), ("/api/v1/meetings/nowhere", 404)],
)
def test_refusals_have_headers_too(api, path, status):
    response = api(path)
    assert response.status_code == status
    assert response["Cache-Control"] and response["ETag"]
    if status == 400:
        assert "no-store" in response["Cache-Control"]
