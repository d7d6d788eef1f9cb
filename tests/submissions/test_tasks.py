"""The receipt goes out through a real Celery worker (Redis in CI, the filesystem broker
locally), reading the test database and writing mail to files."""

import email
import os
import subprocess
import sys
import time
from email import policy

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from submissions.models import TopicProposal

pytestmark = pytest.mark.django_db(transaction=True)


def database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path):
    """A worker process, with beat's minute scan, on the portal's broker and this test's
    database."""
    outbox = tmp_path / "mail"
    outbox.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "EMAIL_URL": f"filemail:///{outbox}",  # environ drops one slash of an absolute path
        "PDF_CACHE_DIR": str(tmp_path / "pdf"),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "wgportal",
            "worker",
            "--beat",
            "--schedule",
            str(tmp_path / "beat-schedule"),
            "--pool",
            "solo",
            "--without-mingle",
            "--without-gossip",
            "--without-heartbeat",
            "--loglevel",
            "WARNING",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )
    yield outbox
    process.terminate()
    process.wait(timeout=20)


SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def mails(outbox):
    """Every message Django's file backend wrote (a file can hold several)."""
    found = []
    for path in outbox.glob("*.log"):
        found += [part for part in path.read_bytes().split(SEPARATOR) if part.strip()]
    return found


def wait_for_mail(outbox, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        files = list(outbox.glob("*.log"))
        if files and files[0].stat().st_size:
            time.sleep(0.2)  # the file is written in one go; let it finish
            return files[0].read_bytes()
        time.sleep(0.25)
    pytest.fail("no mail from the worker within a minute")


def test_submission_receipt_is_sent_by_the_worker(
    committed_demo, open_call, worker, client, django_user_model
):
    client.force_login(django_user_model.objects.get(username="delegate-fr"))
    url = reverse("submissions:new", args=[open_call.pk])
    response = client.post(
        url,
        {
            "title": "Non-punishment of victims",
            "description": "How States apply the principle.",
            "area": open_call.areas.first().pk,
            "language": "fr",
            "form_token": "9d1c0a52-8f64-4b0e-9b3c-2f6f4c1e7a11",
            "version": "1",
            "submit": "",
        },
    )
    assert response.status_code == 302
    proposal = TopicProposal.objects.latest("pk")
    raw = wait_for_mail(worker)
    message = email.message_from_bytes(raw, policy=policy.default)
    assert proposal.reference in message["Subject"]
    attachments = list(message.iter_attachments())
    assert attachments and attachments[0].get_content_type() == "application/pdf"


def test_opening_the_call_sends_every_state_its_note_verbale_once(
    committed_demo, open_call, worker, secretariat
):
    """The demo's 195 missions, each in its language with the note attached, through the
    real worker: the scan queues, the worker renders and sends."""
    from submissions import services
    from submissions.models import CallForTopics

    CallForTopics.objects.filter(pk=open_call.pk).update(status="draft")
    open_call.refresh_from_db()
    services.open_call(open_call, by=secretariat)  # runs a scan at once, through the broker
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len(mails(worker)) < 195:
        time.sleep(1)
    time.sleep(2)  # nothing more should come
    sent = [email.message_from_bytes(raw, policy=policy.default) for raw in mails(worker)]
    assert len(sent) == 195
    by_recipient = {message["To"]: message for message in sent}
    assert len(by_recipient) == 195
    france = by_recipient["mission-fra@demo.invalid"]
    assert (
        "Note verbale CU 2011/40 (A)" in france["Subject"] or "CU 2011/40 (A)" in france["Subject"]
    )
    (note,) = list(france.iter_attachments())
    assert note.get_filename().endswith("-FRA-fr.pdf")
    assert note.get_content().startswith(b"%PDF")
    assert (
        list(by_recipient["mission-chn@demo.invalid"].iter_attachments())[0]
        .get_filename()
        .endswith("-CHN-zh-hans.pdf")
    )
