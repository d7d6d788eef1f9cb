"""Every public page answers in each of the six languages, with the right lang and dir."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

PAGES = [
    ("meetings:home", []),
    ("decisions:list", []),
    ("decisions:detail", [4, 4]),
    ("meetings:list", []),
    ("meetings:detail", ["wg-2009"]),
    ("meetings:detail", ["wg-2010-01"]),
    ("meetings:documents", ["wg-2009"]),
    ("meetings:body", ["working-group-trafficking"]),
    ("meetings:body", ["cop-bureau"]),
    ("meetings:states", []),
]


def url(name, args, language):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "args"), PAGES)
def test_page_answers_in_language(client, name, args, language):
    path = url(name, args, language)
    assert path.startswith(f"/{language}/")
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    # The switcher offers every language on every page.
    for code in LANGUAGES:
        assert f'name="language" value="{code}"' in html


def test_root_redirects_to_the_browser_language(client):
    response = client.get("/", headers={"accept-language": "ru,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_switching_language_keeps_the_page(client):
    response = client.post(
        "/fr/i18n/setlang/", {"language": "ar", "next": "/fr/meetings/wg-2009/"}, follow=False
    )
    assert response.status_code == 302
    assert response["Location"] == "/ar/meetings/wg-2009/"


@pytest.mark.parametrize(
    "path",
    [
        "/fr/decisions/4/9/",
        "/fr/decisions/99/1/",
        "/fr/meetings/nowhere/",
        "/fr/meetings/nowhere/documents/",
        "/fr/meetings/nowhere/calendar.ics",
        "/fr/bodies/nowhere/",
        "/xx/meetings/",
    ],
)
def test_unknown_things_answer_404(client, path):
    assert client.get(path).status_code == 404


def test_decision_page_links_every_paragraph_and_its_mandates(client):
    html = client.get("/en/decisions/4/4/").content.decode()
    anchors = re.findall(r'id="(para-[a-z-]+)"', html)
    assert len(anchors) == 24
    assert "para-o-iv" in anchors
    assert 'href="/en/bodies/working-group-trafficking/"' in html
    assert 'href="/en/meetings/wg-2010-01/"' in html


def test_french_meeting_page_lays_out_the_seed_agenda(client):
    html = client.get("/fr/meetings/wg-2009/").content.decode()
    for text in [
        "CTOC/COP/WG.4/2009/1",
        "Ordre du jour provisoire et annotations",
        "Ouverture de la réunion",
        "Adoption de l&#x27;ordre du jour et organisation des travaux",
        "CTOC/COP/2008/CRP.11",
        "Mardi 14 avril",
        "10 heures-13 heures",
        "(suite)",
        "Vienne, 14 et 15 avril 2009",
        "Distr. générale · 5 mars 2009 · Français · Original: anglais",
    ]:
        assert text in html, text


def test_meeting_without_agenda_says_so(client):
    html = client.get("/en/meetings/wg-2011/").content.decode()
    assert "has not been issued yet" in html


def test_documents_page_lists_issued_and_cited_documents(client):
    html = client.get("/en/meetings/wg-2009/documents/").content.decode()
    # Its agenda, its report CTOC/COP/WG.4/2009/2 and the documents they cite.
    assert html.count('<td><a class="symbol"') == 13
    assert "CTOC/COP/WG.4/2009/1" in html
    assert "CTOC/COP/2008/10" in html


def test_states_page_lists_all_195(client):
    html = client.get("/fr/states/").content.decode()
    assert "195 États" in html
    assert "Bolivie (État plurinational de)" in html


def test_decision_page_queries_are_fixed(client, django_assert_num_queries):
    with django_assert_num_queries(6):
        client.get("/en/decisions/4/4/")


def test_meeting_page_queries_are_fixed(client, django_assert_num_queries):
    with django_assert_num_queries(8):  # the documentation's versions: one query
        client.get("/en/meetings/wg-2009/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_is_in_the_language(client, language):
    response = client.get(f"/{language}/meetings/nowhere/")
    assert response.status_code == 404
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in response.content.decode()


def test_a_draft_agenda_stays_off_the_public_documents_page(client):
    page = client.get("/en/meetings/wg-2010-01/documents/").content.decode()
    assert "CTOC/COP/WG.4/2010/1" not in page
    assert "CTOC/COP/WG.4/2009/1" in client.get("/en/meetings/wg-2009/documents/").content.decode()


def test_the_cached_menus_follow_the_reader_and_the_language(client, django_user_model):
    """The menu and the language buttons are kept per process once rendered: per language, and
    the menu per kind of reader."""
    readers = [
        (django_user_model.objects.get(username="secretariat"), True, True),
        (django_user_model.objects.get(username="delegate-fr"), True, False),
        (None, False, False),
    ]
    for language in ("fr", "ar", "fr"):
        for user, proposals, administration in readers:
            client.logout()
            if user:
                client.force_login(user)
            html = client.get(url("meetings:home", [], language)).content.decode()
            assert (f'href="/{language}/proposals/"' in html) is proposals
            assert (f'href="/{language}/admin/"' in html) is administration
            assert f'href="/{language}/decisions/"' in html
            assert f'value="{language}" lang="{language}" aria-current="true"' in html


def test_chinese_pages_set_labels_and_asides_in_full_width_marks(client):
    documents = client.get("/zh-hans/meetings/wg-2009/documents/").content.decode()
    title = documents.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "：" in title and ": " not in title
    english = client.get("/en/meetings/wg-2009/documents/").content.decode()
    assert "Documents of the meeting: " in english.split("</title>", 1)[0]
    follow_up = client.get("/zh-hans/bodies/working-group-trafficking/recommendations/")
    page = follow_up.content.decode()
    assert "</span>（" in page and "</span> (" not in page
