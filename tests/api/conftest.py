import uuid

import pytest
from django.core.cache import cache

from api import answers


@pytest.fixture(autouse=True)
def generous_rate_limit(settings):
    """The API's tests send many requests from one address; the rate-limit tests set their own."""
    settings.API_RATE_LIMIT = "100000/min"


@pytest.fixture(autouse=True)
def kept_answers(settings):
    """Answers are kept, whatever CACHE_URL says (one process shares its own cache). Those kept
    by another test were built from its data, which is rolled back without a commit to end
    them: each test starts with a generation of its own."""
    settings.API_KEEP_ANSWERS = True
    cache.set(answers.GENERATION, answers.new_generation(), timeout=None)


@pytest.fixture
def api(client):
    """A client from an address of its own, so that no other test's requests count against it."""
    address = f"2001:db8::{uuid.uuid4().hex[:4]}"

    def get(path, **headers):
        return client.get(path, REMOTE_ADDR=address, headers=headers)

    get.address = address
    return get
