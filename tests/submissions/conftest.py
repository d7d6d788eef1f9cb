import datetime

import pytest
from django.utils import timezone

from meetings.models import Meeting
from submissions.models import CallForTopics, SuggestedArea


@pytest.fixture
def open_call(db):
    """An open call of the demo's shape, with ten days left."""
    call = CallForTopics.objects.create(
        meeting=Meeting.objects.get(slug="wg-2011"),
        reference="CU 2011/40 (A)",
        issue_date=datetime.date.today(),
        deadline=timezone.now() + datetime.timedelta(days=10),
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


@pytest.fixture
def as_user(client, django_user_model):
    def sign_in(username):
        client.force_login(django_user_model.objects.get(username=username))
        return client

    return sign_in


@pytest.fixture
def celery_eager():
    """Tasks run in the test's own process (for view tests; test_tasks runs a real worker)."""
    from wgportal.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False
