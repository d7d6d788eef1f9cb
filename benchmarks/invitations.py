"""Invitations and the scan.

1. Rendering and sending all 195 notes verbales with two worker processes: wall time from
   the scan that queues them to the last one sent, and documents per second (goal: under 60 s
   on 2 cores).
2. The minute's scan with 10 open calls and thousands of proposals, once everything due has
   been queued: median seconds (goal: under 1 s).

    .venv/bin/python benchmarks/invitations.py

It uses the portal's database and broker (DATABASE_URL, CELERY_BROKER_URL), adds calls of its
own ("CU BENCH …") and removes them afterwards; mail goes to files in a temporary folder.
"""

import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")
MAIL_DIR = tempfile.mkdtemp(prefix="wgportal-bench-mail-")
os.environ["EMAIL_URL"] = f"filemail:///{MAIL_DIR}"  # environ drops one slash
# A cache of its own, so that every note verbale is rendered, not read back.
os.environ["PDF_CACHE_DIR"] = tempfile.mkdtemp(prefix="wgportal-bench-pdf-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from meetings.models import Meeting, MemberState  # noqa: E402
from submissions import scheduling  # noqa: E402
from submissions.models import (  # noqa: E402
    CallForTopics,
    OutboundMessage,
    SuggestedArea,
    TopicProposal,
)


def make_call(reference, meeting):
    """A call with the demo note's texts in the six languages (two pages each)."""
    demo = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    texts = {
        field.attname: getattr(demo, field.attname)
        for field in CallForTopics._meta.fields
        if field.attname.startswith(("note_text", "reply_address"))
    }
    call = CallForTopics.objects.create(
        meeting=meeting,
        reference=reference,
        issue_date=datetime.date.today(),
        deadline=timezone.now() + datetime.timedelta(days=30),
        email="untoc.cop@unodc.org",
        max_proposals_per_state=100,
        **texts,
    )
    for letter in "abc":
        SuggestedArea.objects.create(call=call, letter=letter, title_en=f"Area {letter}")
    CallForTopics.objects.filter(pk=call.pk).update(status="open", opened_at=timezone.now())
    return CallForTopics.objects.get(pk=call.pk)


def clean():
    calls = CallForTopics.objects.filter(reference__startswith="CU BENCH")
    OutboundMessage.objects.filter(call__in=calls).delete()
    TopicProposal.objects.filter(call__in=calls).delete()
    calls.delete()
    Meeting.objects.filter(slug__startswith="bench-").delete()


def invitations():
    call = make_call("CU BENCH 0 (A)", Meeting.objects.get(slug="wg-2011"))
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "wgportal",
            "worker",
            "--concurrency",
            "2",
            "--without-mingle",
            "--without-gossip",
            "--without-heartbeat",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    try:
        time.sleep(3)  # the worker starts
        start = time.perf_counter()
        scheduling.run_due()
        sent = OutboundMessage.objects.filter(call=call, kind="invitation", status="sent")
        while sent.count() < 195 and time.perf_counter() - start < 300:
            time.sleep(0.5)
        elapsed = time.perf_counter() - start
        print(
            f"invitations: {sent.count()} notes verbales rendered and sent by 2 worker "
            f"processes in {elapsed:.1f} s, {sent.count() / elapsed:.1f} documents per second"
        )
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def scan():
    states = list(MemberState.objects.all())
    calls = []
    for n in range(1, 11):
        meeting = Meeting.objects.create(
            body=Meeting.objects.get(slug="wg-2011").body,
            slug=f"bench-{n}",
            title_en=f"Meeting {n}",
            venue_en="Vienna",
            start_date=datetime.date(2030, 1, n),
            end_date=datetime.date(2030, 1, n),
        )
        calls.append(make_call(f"CU BENCH {n} (A)", meeting))
    TopicProposal.objects.bulk_create(
        TopicProposal(
            call=call,
            state=state,
            number=k,
            title="T",
            description="D",
            language="en",
            status="submitted",
            submitted_at=timezone.now(),
            created_by_id=1,
        )
        for call in calls
        for state in states[:150]
        for k in (1, 2)
    )
    proposals = TopicProposal.objects.filter(call__in=calls).count()
    print(f"scan: {len(calls)} open calls, {proposals} proposals")
    start = time.perf_counter()
    done = scheduling.run_due()  # the first scan after opening queues every invitation
    print(
        f"first scan, queueing {done['invitations']} invitations: "
        f"{time.perf_counter() - start:.2f} s"
    )
    later = timezone.now() + datetime.timedelta(days=28)
    scheduling.run_due(now=later)  # and the 3-day reminders
    times = []
    for _ in range(5):
        start = time.perf_counter()
        scheduling.run_due(now=later)
        times.append(time.perf_counter() - start)
    print(f"scan with everything queued already: median {statistics.median(times):.3f} s")


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    clean()
    try:
        invitations()
        scan()
    finally:
        clean()


if __name__ == "__main__":
    main()
