"""The Bureau's dashboard at scale: 193 States making three proposals each, grouped into
candidate topics, each assessed by every Bureau member. Median time of the page through
Django's full request path, in English and Arabic, and its query count, against a call with
12 proposals for comparison.

    .venv/bin/python benchmarks/review.py [repeats]

Uses the portal's database (DATABASE_URL; SQLite by default) and leaves it as it was: the
calls it adds are rolled back. Goal on 2 cores: median under 300 ms.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from meetings.models import BureauMember, Meeting, MemberState  # noqa: E402
from submissions import review  # noqa: E402
from submissions.models import (  # noqa: E402
    Assessment,
    CallForTopics,
    SuggestedArea,
    TopicProposal,
)

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]


def make_call(meeting, states, per_state):
    """A closed call: ``per_state`` proposals from each State, one in eight on "another
    topic", the rest spread over eight areas, in the States' six languages."""
    call = CallForTopics.objects.create(
        meeting=meeting,
        reference=f"BENCH {meeting.slug}",
        issue_date=datetime.date(2011, 1, 1),
        deadline=timezone.now() - datetime.timedelta(days=1),
        note_text_en="Topics by [[[Deadline]]].",
        reply_address_en="the secretariat",
        email="bench@example.org",
        status=CallForTopics.Status.CLOSED,
    )
    areas = [
        SuggestedArea.objects.create(call=call, letter=letter, title_en=f"Area {letter}")
        for letter in "abcdefgh"
    ]
    author = BureauMember.objects.first().user
    TopicProposal.objects.bulk_create(
        TopicProposal(
            call=call,
            state=state,
            number=n,
            title=f"Topic {n} of {state.iso3}",
            description="Why and how the Working Group might take this up. " * 8,
            rationale="A gap that practitioners meet every day. " * 3,
            area=areas[(i + n) % 9] if (i + n) % 9 < 8 else None,
            language=LANGUAGES[(i + n) % 6],
            status="submitted",
            submitted_at=call.deadline,
            created_by=author,
        )
        for i, state in enumerate(states)
        for n in range(1, per_state + 1)
    )
    review.prepare_candidates(call)
    Assessment.objects.bulk_create(
        Assessment(candidate=candidate, member=member, support=1 + (candidate.pk + m) % 4)
        for candidate in call.candidates.all()
        for m, member in enumerate(BureauMember.objects.all())
    )
    return call


def measure(client, path, repeats):
    client.get(path)  # warm: templates, translations
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    settings.DEBUG = True
    reset_queries()
    client.get(path)
    queries = len(connection.queries)
    settings.DEBUG = False
    return statistics.median(times), queries


class Rollback(Exception):
    pass


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    call_command("load_demo", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="bureau-ng"))
    states = list(MemberState.objects.filter(status="member").order_by("iso3")[:193])
    print(f"Bureau dashboard, median ms over {repeats} requests (queries), {connection.vendor}")
    try:
        with transaction.atomic():
            calls = [
                make_call(Meeting.objects.get(slug="wg-2011"), states[:4], 3),
                make_call(Meeting.objects.get(slug="wg-2010-10"), states, 3),
            ]
            for call in calls:
                cells = []
                for language in ("en", "ar"):
                    with translation.override(language):
                        path = reverse("submissions:review", args=[call.pk])
                    median, queries = measure(client, path, repeats)
                    cells.append(f"{language} {median * 1000:6.1f} ({queries})")
                print(
                    f"{call.proposals.count():4} proposals, {call.candidates.count():3} "
                    f"candidates, {Assessment.objects.filter(candidate__call=call).count():3} "
                    f"assessments: " + "   ".join(cells)
                )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
