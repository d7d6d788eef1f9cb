"""Anonymous clients are limited per address: the headers say the limit, what is left and when
it resets; past the limit, 429 with Retry-After, and another address is unaffected."""

import uuid

import pytest

pytestmark = pytest.mark.django_db


def test_limit_per_address_with_headers(api, client, settings):
    settings.API_RATE_LIMIT = "3/min"
    answers = [api("/api/v1/bodies") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a["RateLimit-Remaining"] for a in answers] == ["2", "1", "0", "0"]
    assert all(a["RateLimit-Limit"] == "3" for a in answers)
    assert 0 < int(answers[0]["RateLimit-Reset"]) <= 60
    refused = answers[-1]
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json() == {"detail": "Too many requests."}
    assert "no-store" in refused["Cache-Control"]
    # Another address has its own count.
    other = client.get("/api/v1/bodies", REMOTE_ADDR=f"2001:db8::{uuid.uuid4().hex[:4]}")
    assert other.status_code == 200


def test_the_limit_holds_for_a_304_too(api, settings):
    settings.API_RATE_LIMIT = "2/min"
    etag = api("/api/v1/bodies")["ETag"]
    assert api("/api/v1/bodies", if_none_match=etag).status_code == 304
    assert api("/api/v1/bodies", if_none_match=etag).status_code == 429


def test_behind_the_proxy_the_forwarded_address_counts(client, settings):
    settings.API_RATE_LIMIT = "1/min"
    settings.TRUST_FORWARDED_FOR = True
    one, two = (f"2001:db8::{uuid.uuid4().hex[:4]}" for _ in range(2))
    first = client.get("/api/v1/bodies", headers={"x-forwarded-for": f"192.0.2.1, {one}"})
    second = client.get("/api/v1/bodies", headers={"x-forwarded-for": f"192.0.2.1, {two}"})
    again = client.get("/api/v1/bodies", headers={"x-forwarded-for": f"192.0.2.2, {one}"})
    assert (first.status_code, second.status_code, again.status_code) == (200, 200, 429)
