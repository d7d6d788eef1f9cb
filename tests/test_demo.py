from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from meetings.models import AgendaItem, Document, Meeting, ProvisionalAgenda

pytestmark = pytest.mark.django_db

SOURCE = Path(settings.BASE_DIR, "docs", "sources", "provisional-agenda-WG4-2009.fr.txt")


def counts():
    return {
        m.__name__: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"decisions", "meetings", "submissions", "auth"}
        and not m.__name__.startswith("Historical")
    }


def test_load_demo_twice_gives_the_same_counts():
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first
    # Decision 4/4's 24 paragraphs and the one of resolution 5/2 the note of 2012 recalls.
    assert first["Paragraph"] == 25
    assert first["MemberState"] == 195
    assert first["Meeting"] == 9
    # With the reports of April 2009, January 2010 and October 2011 and the note of 2012.
    assert first["Document"] == 18
    # With items 2 and 2 (b) of the sixth session's provisional agenda.
    assert first["AgendaItem"] == 13
    assert first["WorkSlot"] == 7
    assert first["DocumentationEntry"] == 11
    assert first["BureauMember"] == 3
    assert first["Delegate"] == 6


def test_meetings_of_the_sources():
    assert [(m.slug, str(m.start_date), str(m.end_date)) for m in Meeting.objects.all()] == [
        ("cop-4", "2008-10-08", "2008-10-17"),
        ("wg-2009", "2009-04-14", "2009-04-15"),
        ("bureau-2009", "2009-04-16", "2009-04-16"),
        ("bureau-2009-09", "2009-09-15", "2009-09-15"),
        ("wg-2010-01", "2010-01-27", "2010-01-29"),
        ("cop-5", "2010-10-18", "2010-10-22"),
        ("wg-2010-10", "2010-10-19", "2010-10-19"),
        ("wg-2011", "2011-10-10", "2011-10-12"),
        ("cop-6", "2012-10-15", "2012-10-19"),
    ]


def test_french_agenda_items_and_documentation_are_the_source_verbatim():
    source = SOURCE.read_text("utf-8")
    agenda = ProvisionalAgenda.objects.get(meeting__slug="wg-2009")
    for item in agenda.items.all():
        assert item.title_fr in source, item.label
        assert item.heading.strip() and (item.annotation_heading_fr or item.title_fr) in source
        for paragraph in item.annotation_fr.split("\n\n"):
            assert paragraph in source, (item.label, paragraph[:60])
        for entry in item.documentation_entries.all():
            assert f"{entry.document.title_fr} ({entry.document.symbol})" in source
    for slot in agenda.work_slots.all():
        assert slot.description_fr == "" or slot.description_fr in source


def test_every_demo_text_is_in_all_six_languages():
    for item in AgendaItem.objects.all():
        for code in ("ar", "zh_hans", "en", "fr", "ru", "es"):
            assert getattr(item, f"title_{code}"), (item.label, code)
    for document in Document.objects.all():
        for code in ("ar", "zh_hans", "en", "fr", "ru", "es"):
            assert getattr(document, f"title_{code}"), (document.symbol, code)


def test_the_demo_call_can_be_brought_to_each_stage():
    from django.utils import timezone

    from submissions.models import CallForTopics, OutboundMessage

    def call():
        return CallForTopics.objects.get(reference="CU 2009/92 (A)")

    agenda = call().meeting.agenda
    before = list(agenda.items.values_list("pk", "number", "sub_letter"))

    call_command("load_demo", stage="decided", verbosity=0)
    decided = call()
    assert decided.status == "decided" and decided.decided_by.username == "president"
    selected = decided.candidates.exclude(selection_rank=None).order_by("selection_rank")
    assert [c.agenda_item.label for c in selected] == [
        "2 a)",
        "2 b)",
        "2 c)",
    ]
    assert decided.candidates.filter(assessments__isnull=False).distinct().count() > 10
    assert OutboundMessage.objects.filter(call=decided, kind="outcome").count() > 30

    call_command("load_demo", stage="open", verbosity=0)
    opened = call()
    assert opened.status == "open" and opened.deadline > timezone.now()
    assert opened.proposals.filter(status="draft").exists()
    assert opened.proposals.filter(status="submitted").exists()
    assert not opened.candidates.exists()
    assert list(agenda.items.values_list("pk", "number", "sub_letter")) == before

    call_command("load_demo", stage="closed", verbosity=0)
    closed = call()
    assert closed.status == "closed" and closed.candidates.count() > 8
    states = closed.proposals.values("state").distinct().count()
    languages = set(closed.proposals.values_list("language", flat=True))
    assert states > 50 and languages == {"ar", "zh-hans", "en", "fr", "ru", "es"}
    # Without a stage, what a person did with the demo call stays.
    closed.candidates.first().delete()
    count = closed.candidates.count()
    call_command("load_demo", verbosity=0)
    assert call().candidates.count() == count
