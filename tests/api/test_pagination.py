"""Cursor pagination: a stable order, every item once across the pages, an opaque cursor that
the API alone makes, and filters kept from page to page."""

import pytest

from meetings.models import Meeting

pytestmark = pytest.mark.django_db


def walk(api, path):
    seen, pages = [], 0
    while path:
        response = api(path)
        assert response.status_code == 200, response.content
        body = response.json()
        seen += [m["slug"] for m in body["results"]]
        path = body["next"] and body["next"].removeprefix("http://testserver")
        pages += 1
    return seen, pages


def test_pages_give_every_meeting_once_in_order(api):
    everything, _ = walk(api, "/api/v1/meetings?limit=100")
    paged, pages = walk(api, "/api/v1/meetings?limit=2")
    assert paged == everything
    assert pages == 5
    assert everything == list(
        Meeting.objects.order_by("start_date", "pk").values_list("slug", flat=True)
    )


def test_a_meeting_added_meanwhile_neither_repeats_nor_skips_one(api):
    first = api("/api/v1/meetings?limit=3").json()
    Meeting.objects.create(
        body=Meeting.objects.first().body,
        slug="wg-2008",
        title="Earlier",
        venue="Vienna",
        start_date="2008-01-01",
        end_date="2008-01-01",
    )
    rest, _ = walk(api, first["next"].removeprefix("http://testserver"))
    # The earlier meeting is before the cursor: the pages after it go on as they were.
    assert [m["slug"] for m in first["results"]] + rest == list(
        Meeting.objects.exclude(slug="wg-2008").values_list("slug", flat=True)
    )


def test_filters_and_language_stay_on_the_next_page(api):
    body = api("/api/v1/meetings?body=working-group-trafficking&lang=fr&limit=1").json()
    assert "body=working-group-trafficking" in body["next"] and "lang=fr" in body["next"]
    slugs, _ = walk(api, "/api/v1/meetings?body=working-group-trafficking&limit=1")
    assert slugs == ["wg-2009", "wg-2010-01", "wg-2010-10", "wg-2011"]


@pytest.mark.parametrize("cursor", ["nonsense", "W10:1t5:abc", "", "%00"])
def test_a_bad_cursor_is_refused(api, cursor):
    response = api(f"/api/v1/meetings?cursor={cursor}")
    if cursor == "":
        assert response.status_code == 200  # no cursor: the first page
        return
    assert response.status_code == 400
    assert "cursor" in response.json()["detail"]


def test_a_cursor_of_another_list_is_refused(api):
    cursor = api("/api/v1/documents?limit=1").json()["next"].split("cursor=")[1].split("&")[0]
    assert api(f"/api/v1/meetings?cursor={cursor}").status_code == 400
