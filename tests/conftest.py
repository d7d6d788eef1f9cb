import datetime
import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone, translation

from meetings.models import Meeting
from submissions.models import CallForTopics, SuggestedArea

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


@pytest.fixture(autouse=True, scope="session")
def media_root(tmp_path_factory):
    """The register's files go to a folder of the test session, never to var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a request served before leaves its language active."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def register_cache():
    """What downloads keep in the shared cache outlives a test's rolled-back data: forgotten."""
    caches["register"].clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, media_root, pdf_cache):
    """The demo data, loaded once into the test database; each test rolls back its changes."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def database_sessions(settings):
    """Sessions read from the database, whatever CACHE_URL says: query counts include them."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


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


def whole_minute(moment):
    """A deadline as the admin takes one: a whole minute, never midnight in Vienna."""
    moment = moment.replace(second=0, microsecond=0)
    if timezone.localtime(moment).time() == datetime.time(0):
        moment -= datetime.timedelta(minutes=1)
    return moment


@pytest.fixture
def open_call(db):
    """An open call of the demo's shape, with ten days left. (Transactional tests request
    committed_demo before it.)"""
    call = CallForTopics.objects.create(
        meeting=Meeting.objects.get(slug="wg-2011"),
        reference="CU 2011/40 (A)",
        issue_date=datetime.date.today(),
        deadline=whole_minute(timezone.now() + datetime.timedelta(days=10)),
        note_text_en="The Government is invited to propose topics by [[[Deadline]]].",
        reply_address_en="the secretariat",
        email="untoc.cop@unodc.org",
        max_proposals_per_state=3,
    )
    for letter in "abc":
        SuggestedArea.objects.create(call=call, letter=letter, title_en=f"Area {letter}")
    CallForTopics.objects.filter(pk=call.pk).update(status=CallForTopics.Status.OPEN)
    call.refresh_from_db()
    return call
