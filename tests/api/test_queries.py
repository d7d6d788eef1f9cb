"""Each operation runs a fixed number of queries, whatever the size of the data: the same on
the demo data and on ten times more meetings, paragraphs, documents and agenda items."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decisions.models import Decision, Footnote, Paragraph
from meetings.models import (
    AgendaItem,
    Body,
    Document,
    DocumentationEntry,
    Meeting,
    ProvisionalAgenda,
)
from recommendations.models import Recommendation, Report

pytestmark = pytest.mark.django_db

# path: queries (a page of a list, or one item, with everything it nests)
QUERIES = {
    "/api/v1/bodies?limit=100&lang=all": 5,
    "/api/v1/bodies/working-group-trafficking": 5,
    "/api/v1/meetings?limit=100&lang=all": 4,
    "/api/v1/meetings/wg-2009": 4,
    "/api/v1/decisions?limit=100&lang=all": 1,
    "/api/v1/decisions/4/4?lang=all": 6,
    "/api/v1/documents?limit=100&lang=all": 2,
    "/api/v1/documents?meeting=wg-2009&limit=100": 3,
    "/api/v1/documents/CTOC/COP/WG.4/2009/1": 3,
    "/api/v1/agendas?limit=100&lang=all": 3,
    "/api/v1/agendas/wg-2009?lang=all": 3,
    "/api/v1/recommendations?limit=100&lang=all": 3,
    "/api/v1/recommendations/wg-2009/1?lang=all": 3,
}


def counts(api):
    found = {}
    for path in QUERIES:
        with CaptureQueriesContext(connection) as queries:
            assert api(path).status_code == 200, path
        found[path] = len(queries)
    return found


def grow():
    """Ten times the demo: meetings with mandates, documents, a longer decision, agendas with
    more items and documentation, more bodies with functions."""
    decision = Decision.objects.get(session__number=4, index=4)
    body = Body.objects.get(slug="working-group-trafficking")
    paragraphs = []
    for n in range(40):
        top = Paragraph.objects.create(
            decision=decision,
            label="z" + "".join(chr(97 + int(d)) for d in f"{n:02d}"),
            position=100 + n,
            text_en=f"Paragraph {n}",
        )
        Paragraph.objects.create(decision=decision, parent=top, label="i", position=0, text_en="i")
        paragraphs.append(top)
    for n in range(10):
        Footnote.objects.create(decision=decision, number=100 + n, text_en=f"Note {n}")
    released = datetime.datetime(2012, 1, 1, tzinfo=datetime.UTC)
    agenda_2010 = ProvisionalAgenda.objects.get(meeting__slug="wg-2010-01")
    ProvisionalAgenda.objects.filter(pk=agenda_2010.pk).update(
        issued_at=datetime.datetime(2009, 12, 1, tzinfo=datetime.UTC)
    )
    for n in range(60):
        meeting = Meeting.objects.create(
            body=body,
            slug=f"extra-{n}",
            title_en=f"Extra {n}",
            venue_en="Vienna",
            start_date=datetime.date(2012, 1, 1) + datetime.timedelta(days=n),
            end_date=datetime.date(2012, 1, 1) + datetime.timedelta(days=n),
        )
        meeting.mandated_by.set(paragraphs[n % 40 : n % 40 + 2])
        document = Document.objects.create(
            symbol=f"CTOC/COP/WG.4/2012/{n + 1}",
            title_en=f"Document {n}",
            meeting=meeting,
            languages=["en", "fr"],
            issue_date=datetime.date(2012, 1, 1),
            issued_at=released,
            released_at=released,
        )
        for code in ("en", "fr"):
            document.versions.create(
                language=code,
                file=f"documents/{n}-{code}.pdf",
                format="pdf",
                size=1,
                sha256="0" * 64,
            )
        for agenda in ProvisionalAgenda.objects.filter(issued_at__isnull=False):
            item = AgendaItem.objects.create(agenda=agenda, number=50 + n, title_en=f"Item {n}")
            DocumentationEntry.objects.create(item=item, document=document)
    recorder = get_user_model().objects.get(username="secretariat")
    for n, meeting in enumerate(Meeting.objects.filter(slug__startswith="extra-")[:20]):
        issued = datetime.datetime(2012, 6, 1, tzinfo=datetime.UTC)
        Report.objects.create(
            meeting=meeting,
            document=Document.objects.create(
                symbol=f"CTOC/COP/WG.4/2013/{n + 1}",
                title_en="Report",
                issued_at=issued,
                released_at=issued,
            ),
        )
        for number in (1, 2):
            recommendation = Recommendation.objects.create(
                meeting=meeting, number=number, text_en="Text", addressee="secretariat"
            )
            recommendation.follow_ups.create(
                outcome="taken_up",
                paragraph=paragraphs[number],
                recorded_by=recorder,
                recorded_at=datetime.datetime(2012, 7, 1, tzinfo=datetime.UTC),
            )
    for n in range(10):
        extra = Body.objects.create(
            kind=Body.Kind.WORKING_GROUP,
            slug=f"extra-body-{n}",
            name_en=f"Body {n}",
            short_name_en=f"Body {n}",
            parent=body,
            established_by=paragraphs[n],
        )
        extra.functions.set(paragraphs[n : n + 3])


def test_queries_do_not_grow_with_the_data(api, django_capture_on_commit_callbacks):
    small = counts(api)
    # Committed, the change ends the answers kept (api.answers): they are built again.
    with django_capture_on_commit_callbacks(execute=True):
        grow()
    assert counts(api) == small


def test_queries_are_pinned(api):
    assert counts(api) == QUERIES
