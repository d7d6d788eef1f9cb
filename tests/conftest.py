import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

LANGUAGES = [code for code, _name in settings.LANGUAGES]
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def need(service, problem):
    """A test that needs a service skips without it, and fails when REQUIRE_SERVICES=1."""
    if problem:
        message = f"{service} is not available: {problem}"
        if REQUIRE_SERVICES:
            pytest.fail(message + " (REQUIRE_SERVICES=1)")
        pytest.skip(message)


@pytest.fixture(autouse=True, scope="session")
def pdf_cache(tmp_path_factory):
    """Rendered PDFs go to a folder of the test session, never to var/."""
    settings.PDF_CACHE_DIR = tmp_path_factory.mktemp("pdf-cache")
    return settings.PDF_CACHE_DIR


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a request served before leaves its language active."""
    with translation.override("en"):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo data, loaded once into the test database; each test rolls back its changes."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def secretariat(db, django_user_model):
    return django_user_model.objects.get(username="secretariat")


@pytest.fixture
def secretariat_client(client, secretariat):
    client.force_login(secretariat)
    return client


@pytest.fixture
def committed_demo(django_db_blocker):
    """For transactional tests (a live server, threads): the demo data, committed."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
