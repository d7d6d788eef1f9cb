"""The real services: PostgreSQL and Redis in CI (REQUIRE_SERVICES=1), skipped locally."""

import pytest
from django.conf import settings
from django.db import connection
from kombu import Connection

from meetings.models import MemberState
from tests.conftest import need


@pytest.mark.django_db
def test_database_is_postgresql():
    need("PostgreSQL", None if connection.vendor == "postgresql" else "DATABASE_URL is SQLite")
    assert MemberState.objects.count() == 195


def test_broker_is_redis_and_answers():
    url = settings.CELERY_BROKER_URL
    need("Redis", None if url.startswith("redis://") else f"CELERY_BROKER_URL is {url}")
    with Connection(url, connect_timeout=3) as broker:
        broker.ensure_connection(max_retries=1)
        queue = broker.SimpleQueue("wgportal-test-ping")
        queue.put({"ping": 1})
        assert queue.get(timeout=3).payload == {"ping": 1}
        queue.clear()
        queue.close()
