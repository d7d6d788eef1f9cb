import uuid

import pytest


@pytest.fixture(autouse=True)
def generous_rate_limit(settings):
    """The API's tests send many requests from one address; the rate-limit tests set their own."""
    settings.API_RATE_LIMIT = "100000/min"


@pytest.fixture
def api(client):
    """A client from an address of its own, so that no other test's requests count against it."""
    address = f"2001:db8::{uuid.uuid4().hex[:4]}"

    def get(path, **headers):
        return client.get(path, REMOTE_ADDR=address, headers=headers)

    get.address = address
    return get
