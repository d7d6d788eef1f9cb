"""Sessions: read from the shared cache (Redis) in front of the database when CACHE_URL names
one, as in production and CI; from the database otherwise."""

import os
import subprocess
import sys

import pytest
import redis
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import need

CACHE_URL = os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/1")


def configured(**env):
    """The session engine and cache a process started with this environment gets."""
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SESSION_ENGINE, settings.CACHES['default']['BACKEND'])"
    )
    environment = {k: v for k, v in os.environ.items() if k != "CACHE_URL"} | env
    done = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_sessions_go_through_a_cache_only_when_every_process_shares_it():
    assert configured(CACHE_URL="redis://127.0.0.1:6379/1") == [
        "django.contrib.sessions.backends.cached_db",
        "django.core.cache.backends.redis.RedisCache",
    ]
    # A cache of each process's own would keep a signed-out session alive in the others.
    assert configured() == [
        "django.contrib.sessions.backends.db",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


@pytest.fixture
def redis_sessions(settings):
    try:
        redis.Redis.from_url(CACHE_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        need("Redis", f"{CACHE_URL}: {error}")
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    settings.CACHES = {**settings.CACHES, "default": redis_cache}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


@pytest.mark.django_db
def test_a_session_in_the_cache_costs_no_query_and_ends_at_sign_out(
    redis_sessions, open_call, django_user_model, django_assert_num_queries
):
    delegate = Client()
    delegate.force_login(django_user_model.objects.get(username="delegate-fr"))
    url = reverse("submissions:new", args=[open_call.pk])
    delegate.get(url)
    # The user with their delegation, the call with its meeting, the State's submitted
    # proposals and extension, the call's areas: no session.
    with django_assert_num_queries(5):
        assert delegate.get(url).status_code == 200
    cookie = delegate.cookies[settings.SESSION_COOKIE_NAME].value
    delegate.post(reverse("logout"))
    replayed = Client()
    replayed.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = replayed.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_redis_cache_keeps_and_forgets(redis_sessions):
    from django.core.cache import cache

    cache.set("wgportal-test-key", {"kept": 1}, 30)
    assert cache.get("wgportal-test-key") == {"kept": 1}
    cache.delete("wgportal-test-key")
    assert cache.get("wgportal-test-key") is None
