"""Texts in the language asked for: ?lang= first, then Accept-Language, then English; all six
with ?lang=all; an unknown language refused with a clear 400."""

import pytest
from django.urls import resolve, reverse
from django.utils import translation

from api.languages import CODES, shown_in
from decisions.models import Paragraph
from meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db

DECISION = "/api/v1/decisions/4/4"


def test_lang_parameter_wins_over_accept_language(api):
    response = api(f"{DECISION}?lang=fr", accept_language="ru")
    assert response["Content-Language"] == "fr"
    assert response.json()["paragraphs"][0]["citation"].startswith("décision 4/4")
    assert "Accept-Language" in response["Vary"]


def test_accept_language_chooses_without_the_parameter(api):
    response = api(DECISION, accept_language="es-ES,es;q=0.9,en;q=0.5")
    assert response["Content-Language"] == "es"
    assert response.json()["paragraphs"][0]["citation"].startswith("decisión 4/4")


def test_english_when_nothing_is_asked_or_nothing_matches(api):
    assert api(DECISION)["Content-Language"] == "en"
    assert api(DECISION, accept_language="de, ja;q=0.5")["Content-Language"] == "en"


@pytest.mark.parametrize("lang", ["de", "EN", "zh", "all6", "x" * 300])
def test_unknown_language_is_a_clear_400(api, lang):
    response = api(f"{DECISION}?lang={lang}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["detail"][0]["parameter"] == "lang"


def test_all_gives_every_text_keyed_by_the_six_codes(api):
    response = api(f"{DECISION}?lang=all")
    assert response["Content-Language"] == ", ".join(CODES)
    decision = response.json()
    assert list(decision["title"]) == CODES
    paragraph = decision["paragraphs"][0]
    for code in CODES:
        with translation.override(code):
            assert (
                paragraph["citation"][code]
                == Paragraph.objects.get(
                    decision__index=4, parent=None, label=paragraph["labels"][0]
                ).citation()
            )
    assert paragraph["label"]["ar"] != paragraph["label"]["en"]


@pytest.mark.parametrize("code", CODES)
def test_a_text_is_what_the_pages_show_in_that_language(code):
    """The API's fallback is the pages' (modeltranslation's): a language without its own text
    shows the first of the fallback languages that has one."""
    item = AgendaItem.objects.filter(agenda__meeting__slug="wg-2009").first()
    item.annotation_fr = ""
    meeting = Meeting.objects.get(slug="wg-2009")
    meeting.venue_ru = ""
    with translation.override(code):
        assert shown_in(item, "annotation", code) == item.annotation
        assert shown_in(meeting, "venue", code) == meeting.venue


ADDRESSES = {
    "/api/v1/bodies?lang=all": ["calendar", "page"],
    "/api/v1/meetings?lang=all": ["calendar", "page"],
    "/api/v1/decisions?lang=all": ["page"],
    "/api/v1/documents?lang=all": ["page"],
    "/api/v1/agendas?lang=all": ["pdf"],
}


@pytest.mark.parametrize("path", ADDRESSES)
def test_each_language_has_the_address_its_pages_have(api, path):
    """A page's address in each language is the one Django reverses in that language, whatever
    language the request made active (Accept-Language with ?lang=all)."""
    answers = [api(path, accept_language=active) for active in ("ar", "fr")]
    assert answers[0].content == answers[1].content
    checked = 0
    for item in answers[0].json()["results"]:
        for key in ADDRESSES[path]:
            for code, address in item[key].items():
                page = address.removeprefix("http://testserver")
                with translation.override(code):
                    match = resolve(page)
                    assert reverse(match.view_name, args=match.args, kwargs=match.kwargs) == page
                    assert page.startswith(f"/{code}/")
                checked += 1
    assert checked >= 6


def test_a_version_file_is_under_its_own_language(api):
    versions = api("/api/v1/documents/CTOC/COP/WG.4/2009/1", accept_language="ru").json()
    for version in versions["versions"]:
        file = version["file"].removeprefix("http://testserver")
        assert file.startswith(f"/{version['language']}/documents/CTOC/COP/WG.4/2009/1/")
        with translation.override(version["language"]):
            assert resolve(file).url_name == "version"
