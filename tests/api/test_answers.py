"""Answers kept on the server (api.answers): asked again, an answer comes from the cache without
a query, with the same body and the client's own headers; languages, query strings and hosts
are kept apart; the rate limit and 304s hold; refusals and signed-in users' answers are never
kept; a committed change ends every answer kept before it."""

import pytest
from django.core.cache import cache
from django.test import Client

from api import answers
from meetings.models import Meeting, ProvisionalAgenda
from meetings.services import issue_agenda
from submissions.models import CallForTopics

pytestmark = pytest.mark.django_db

PATHS = [
    "/api/v1/bodies?lang=all",
    "/api/v1/meetings",
    "/api/v1/meetings/wg-2009?lang=fr",
    "/api/v1/decisions?session=4",
    "/api/v1/decisions/4/4?lang=all",
    "/api/v1/documents?meeting=wg-2009",
    "/api/v1/documents/CTOC/COP/WG.4/2009/1",
    "/api/v1/agendas?lang=ar",
    "/api/v1/agendas/wg-2009",
    "/api/v1/recommendations?limit=1",
    "/api/v1/recommendations/wg-2009/1?lang=zh-hans",
]
HEADERS = ["Content-Type", "Content-Language", "ETag", "Cache-Control", "Vary"]


def title(api, path="/api/v1/meetings/wg-2009?lang=en", **headers):
    return api(path, **headers).json()["title"]


def retitled(title, slug="wg-2009"):
    """The meeting's English title changed but not committed: the answers kept stay."""
    meeting = Meeting.objects.get(slug=slug)
    meeting.title_en = title
    meeting.save(update_fields=["title_en"])


@pytest.mark.parametrize("path", PATHS)
def test_asked_again_an_answer_comes_from_the_cache_without_a_query(
    api, path, django_assert_num_queries
):
    built = api(path)
    assert built.status_code == 200
    with django_assert_num_queries(0):
        kept = api(path)
    assert kept.status_code == 200
    assert kept.content == built.content
    assert [kept[h] for h in HEADERS] == [built[h] for h in HEADERS]
    assert int(kept["RateLimit-Remaining"]) == int(built["RateLimit-Remaining"]) - 1


def test_each_language_has_its_own_answer(api, django_assert_num_queries):
    path = "/api/v1/decisions/4/4"
    english = api(path, accept_language="en")
    french = api(path, accept_language="fr-CH, fr;q=0.9")
    assert (english["Content-Language"], french["Content-Language"]) == ("en", "fr")
    assert french.json()["paragraphs"][0]["citation"].startswith("décision 4/4")
    with django_assert_num_queries(0):
        # The language Accept-Language chooses is the key, not the header as written.
        assert api(path, accept_language="fr").content == french.content
        assert api(path, accept_language="de, en;q=0.5").content == english.content
        assert api(path).content == english.content
    # Another address: built again, the same.
    assert api(f"{path}?lang=fr", accept_language="en").json() == french.json()
    russian = api(f"{path}?lang=ru", accept_language="fr")
    assert russian["Content-Language"] == "ru" and russian.content != french.content
    assert api(f"{path}?lang=all", accept_language="fr")["Content-Language"].count(",") == 5


def test_each_query_string_has_its_own_answer(api):
    one, two = api("/api/v1/meetings?limit=1"), api("/api/v1/meetings?limit=2")
    assert len(one.json()["results"]) == 1 and len(two.json()["results"]) == 2
    following = api(one.json()["next"].removeprefix("http://testserver"))
    assert following.json()["results"][0] == two.json()["results"][1]
    assert api("/api/v1/meetings?limit=1").content == one.content


def test_each_host_has_its_own_answer(api, settings):
    """The addresses in an answer are built from the request's host."""
    settings.ALLOWED_HOSTS = ["testserver", "api.example.org"]
    assert api("/api/v1/bodies").json()["results"][0]["url"].startswith("http://testserver/")
    other = api("/api/v1/bodies", host="api.example.org").json()
    assert other["results"][0]["url"].startswith("http://api.example.org/api/v1/")


def test_a_kept_answer_counts_against_the_limit(api, settings, django_assert_num_queries):
    settings.API_RATE_LIMIT = "3/min"
    path = "/api/v1/meetings?lang=all"
    answers_ = [api(path)]
    with django_assert_num_queries(0):
        answers_ += [api(path) for _ in range(3)]
    assert [a.status_code for a in answers_] == [200, 200, 200, 429]
    assert [a["RateLimit-Remaining"] for a in answers_] == ["2", "1", "0", "0"]
    assert answers_[1].content == answers_[0].content
    refused = answers_[-1]
    assert refused.json() == {"detail": "Too many requests."}
    assert int(refused["Retry-After"]) > 0 and "no-store" in refused["Cache-Control"]


def test_a_client_holding_the_kept_answer_gets_a_304(api, django_assert_num_queries):
    path = "/api/v1/decisions/4/4?lang=all"
    etag = api(path)["ETag"]
    with django_assert_num_queries(0):
        again = api(path, if_none_match=etag)
        other = api(path, if_none_match='"other"')
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    assert other.status_code == 200 and other["ETag"] == etag


def test_a_404_is_not_kept(api):
    path = "/api/v1/meetings/nowhere"
    assert api(path).status_code == 404
    Meeting.objects.create(
        body=Meeting.objects.get(slug="wg-2009").body,
        slug="nowhere",
        title_en="Found",
        venue_en="Vienna",
        start_date="2013-01-01",
        end_date="2013-01-01",
    )
    # Not committed, so nothing kept has ended: a 404 kept would be served again.
    assert api(path).json()["title"] == "Found"


def test_signed_in_users_neither_get_nor_leave_kept_answers(api, secretariat, settings):
    """The API answers everyone alike; a signed-in user's answer is still built for them and
    never kept, so that no answer to the secretariat could reach the public."""
    settings.STAFF_TWO_FACTOR = False
    staff = Client()
    staff.force_login(secretariat)
    path = "/api/v1/meetings/wg-2009?lang=en"

    def signed_in():
        return staff.get(path).json()["title"]

    assert title(api, path) != "Changed"
    retitled("Changed")
    assert title(api, path) != "Changed"  # the kept answer
    assert signed_in() == "Changed"  # built for them
    retitled("Changed again")
    # What the secretariat was answered was not kept: the public's kept answer stands.
    assert title(api, path) != "Changed again"
    cache.set(answers.GENERATION, answers.new_generation(), timeout=None)
    assert signed_in() == "Changed again"
    retitled("Changed a third time")
    assert title(api, path) == "Changed a third time"
    assert staff.get("/api/v1/agendas/wg-2010-01").status_code == 404


def test_a_committed_change_ends_the_kept_answers(api, django_capture_on_commit_callbacks):
    before = title(api)
    with django_capture_on_commit_callbacks() as committed:
        retitled("A new title")
    assert title(api) == before  # not yet committed: the kept answer stands
    for callback in committed:
        callback()
    assert title(api) == "A new title"


def test_issuing_an_agenda_shows_at_once(api, secretariat, django_capture_on_commit_callbacks):
    path = "/api/v1/meetings/wg-2010-01"
    assert api(path).json()["agenda"] is None
    draft = ProvisionalAgenda.objects.get(meeting__slug="wg-2010-01")
    with django_capture_on_commit_callbacks() as committed:
        issue_agenda(draft, by=secretariat)
    # The renewal only: the renderings the register queues are its own tests' business.
    for callback in committed:
        if callback is answers.renew:
            callback()
    assert api(path).json()["agenda"].endswith("/api/v1/agendas/wg-2010-01")


def test_a_change_to_the_mandates_ends_the_kept_answers(api, django_capture_on_commit_callbacks):
    path = "/api/v1/meetings/wg-2009"
    assert api(path).json()["mandated_by"]
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.get(slug="wg-2009").mandated_by.clear()
    assert api(path).json()["mandated_by"] == []


def test_a_change_the_api_does_not_show_keeps_them(
    api, open_call, django_assert_num_queries, django_capture_on_commit_callbacks
):
    api("/api/v1/meetings")
    with django_capture_on_commit_callbacks(execute=True):
        CallForTopics.objects.filter(pk=open_call.pk).first().save()
    with django_assert_num_queries(0):
        api("/api/v1/meetings")


def test_a_lost_generation_is_never_counted_again(api):
    """Should the cache lose the generation, a new one is drawn: the answers kept under any
    before are never served again."""
    before = title(api)
    retitled("Lost")
    cache.delete(answers.GENERATION)
    assert title(api) == "Lost" != before


def test_without_a_shared_cache_answers_are_built_each_time(api, settings):
    """API_KEEP_ANSWERS is off without CACHE_URL: a worker's change could not reach the web
    processes' own caches."""
    settings.API_KEEP_ANSWERS = False
    before = title(api)
    retitled("Built")
    assert title(api) == "Built" != before
