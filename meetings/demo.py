"""Demo data: the bodies, meetings, documents and the April 2009 provisional agenda that the
source documents describe."""

import datetime

from django.utils import timezone

from decisions import demo as decisions_demo
from wgportal.demo import text, translations

from . import register
from .documents import AGENDA_KIND, DEMO_COPY_KIND
from .member_states import load_member_states
from .models import (
    AgendaItem,
    Body,
    Document,
    DocumentationEntry,
    Meeting,
    MemberState,
    PermanentMission,
    ProvisionalAgenda,
    WorkSlot,
)

D = datetime.date
SIX = ["ar", "zh-hans", "en", "fr", "ru", "es"]

# slug: (kind, parent, established by, functions)
BODIES = {
    "conference": (Body.Kind.CONFERENCE, None, None, []),
    "bureau": (Body.Kind.BUREAU, "conference", None, []),
    "wg": (Body.Kind.WORKING_GROUP, "conference", "n", ["o.i", "o.ii", "o.iii", "o.iv"]),
}
BODY_SLUGS = {"conference": "cop", "bureau": "cop-bureau", "wg": "working-group-trafficking"}

# key: (body, first day, last day, mandated by paragraphs: decision or resolution, paragraph)
MEETINGS = {
    "wg-2009": ("wg", D(2009, 4, 14), D(2009, 4, 15), [("4/4", "n"), ("4/4", "p")]),
    "bureau-2009": ("bureau", D(2009, 4, 16), D(2009, 4, 16), []),
    # The Bureau meets after the call's deadline to select the topics.
    "bureau-2009-09": ("bureau", D(2009, 9, 15), D(2009, 9, 15), []),
    "wg-2010-01": ("wg", D(2010, 1, 27), D(2010, 1, 29), [("4/4", "p")]),
    "wg-2010-10": ("wg", D(2010, 10, 19), D(2010, 10, 19), [("4/4", "p")]),
    "wg-2011": ("wg", D(2011, 10, 10), D(2011, 10, 12), [("5/2", "a")]),
}

# symbol: (date of issue, original language, languages, meeting, not edited)
# Conference room papers are issued in English only; dates the sources do not give stay empty.
DOCUMENTS = {
    "CTOC/COP/WG.4/2009/1": (D(2009, 3, 5), "en", SIX, "wg-2009", True),
    "CTOC/COP/WG.4/2009/CRP.1": (None, "en", ["en"], "wg-2009", False),
    # Not issued yet: the Bureau's topics are to go onto it.
    "CTOC/COP/WG.4/2010/1": (None, "en", SIX, "wg-2010-01", True),
    # The reports of the meetings of January 2010 and October 2011.
    "CTOC/COP/WG.4/2010/6": (D(2010, 2, 17), "en", SIX, "wg-2010-01", False),
    "CTOC/COP/WG.4/2011/8": (None, "en", SIX, "wg-2011", False),
    # The note transmitting the recommendations of October 2011 to the sixth session: the
    # source's date; its symbol line was lost in conversion, the demo gives it this one.
    "CTOC/COP/2012/6": (D(2012, 6, 21), "en", SIX, "cop-6", False),
    "CTOC/COP/2005/3/Rev.2": (None, "en", SIX, None, False),
    "CTOC/COP/2006/6/Rev.1": (None, "en", SIX, None, False),
    "CTOC/COP/2008/6": (None, "en", SIX, None, False),
    "CTOC/COP/2008/8": (None, "en", SIX, None, False),
    "CTOC/COP/2008/9": (None, "en", SIX, None, False),
    "CTOC/COP/2008/10": (None, "en", SIX, None, False),
    "CTOC/COP/2008/11": (None, "en", SIX, None, False),
    "CTOC/COP/2008/CRP.1": (None, "en", ["en"], None, False),
    "CTOC/COP/2008/CRP.8": (None, "en", ["en"], None, False),
    "CTOC/COP/2008/CRP.11": (None, "en", ["en"], None, False),
    "CTOC/COP/2012/1": (None, "en", SIX, "cop-6", False),
}


def category(symbol):
    if symbol in (AGENDA, AGENDA_2010):
        return Document.Category.AGENDA
    if "/CRP." in symbol:
        return Document.Category.CONFERENCE_ROOM_PAPER
    return Document.Category.INFORMATION if "/INF." in symbol else Document.Category.WORKING


AGENDA = "CTOC/COP/WG.4/2009/1"
AGENDA_2010 = "CTOC/COP/WG.4/2010/1"
# The sixth session's provisional agenda: the item the note of 2012 is issued under.
AGENDA_COP_6 = "CTOC/COP/2012/1"
# Texts that are the same for another record: Bureau meetings and agendas share their titles.
SAME_TEXT = {"bureau-2009-09": "bureau-2009", AGENDA_2010: AGENDA}
# The draft agenda of January 2010, before the Bureau's topics: its items, with the April 2009
# agenda's item whose title (and annotation, where it still holds) it takes.
AGENDA_2010_ITEMS = {
    "1": ("1", True),
    "1a": ("1a", False),
    "1b": ("1b", True),
    "2": ("2", True),
    "3": ("4", True),
}
DOCUMENTATION = {
    "2": [
        "CTOC/COP/WG.4/2009/CRP.1",
        "CTOC/COP/2008/6",
        "CTOC/COP/2008/8",
        "CTOC/COP/2005/3/Rev.2",
        "CTOC/COP/2006/6/Rev.1",
        "CTOC/COP/2008/CRP.8",
        "CTOC/COP/2008/CRP.11",
    ],
    "3": ["CTOC/COP/2008/9", "CTOC/COP/2008/10", "CTOC/COP/2008/11", "CTOC/COP/2008/CRP.1"],
}
MORNING = (datetime.time(10), datetime.time(13))
AFTERNOON = (datetime.time(15), datetime.time(18))
# (day, session, item, continued), as the annex "Proposed organization of work" lists them.
WORK = [
    (D(2009, 4, 14), MORNING, "1a", False),
    (D(2009, 4, 14), MORNING, "1b", False),
    (D(2009, 4, 14), MORNING, "2", False),
    (D(2009, 4, 14), AFTERNOON, "2", True),
    (D(2009, 4, 15), MORNING, "3", False),
    (D(2009, 4, 15), AFTERNOON, "3", True),
    (D(2009, 4, 15), AFTERNOON, "4", False),
]


# Demo missions: every State gets one, marked as demo data, with an invented address. The
# States of the demo accounts correspond in their own language; the others in English.
DEMO_MISSIONS = {
    "FRA": (
        "fr",
        "Représentant permanent de la France auprès de l'Office des Nations Unies à Vienne",
    ),
    "EGY": ("ar", "المندوب الدائم لجمهورية مصر العربية لدى مكتب الأمم المتحدة في فيينا"),
    "CHN": ("zh-hans", "中华人民共和国常驻联合国维也纳办事处代表"),
    "RUS": ("ru", "Постоянный представитель Российской Федерации при Отделении ООН в Вене"),
    "ESP": (
        "es",
        "Representante Permanente de España ante la Oficina de las Naciones Unidas en Viena",
    ),
    "MEX": (
        "es",
        "Representante Permanente de México ante la Oficina de las Naciones Unidas en Viena",
    ),
}
DEMO_ADDRESS = "Demo address — not a real mission"


def load():
    states = load_member_states()
    load_missions()
    bodies = load_bodies()
    meetings = load_meetings(bodies)
    documents = load_documents(meetings)
    agenda = load_agenda(meetings["wg-2009"], documents[AGENDA])
    if agenda.issued_at is None:
        agenda.issued_at = datetime.datetime(2009, 3, 5, tzinfo=meetings["wg-2009"].zone)
        agenda.save(update_fields=["issued_at"])
    load_draft_agenda(meetings["wg-2010-01"], documents[AGENDA_2010])
    load_session_agenda(meetings["cop-6"], documents[AGENDA_COP_6])
    load_versions(documents, agenda)
    return states


def load_missions():
    for state in MemberState.objects.all():
        language, title = DEMO_MISSIONS.get(
            state.iso3,
            (
                "en",
                f"Permanent Representative of {state.formal_name} to the United Nations (Vienna)",
            ),
        )
        PermanentMission.objects.update_or_create(
            state=state,
            defaults={
                "functional_title": title,
                "address_line1": DEMO_ADDRESS,
                "city": "Vienna",
                "postal_code": "1400",
                "country": "Austria",
                "correspondence_language": language,
                "email": f"mission-{state.iso3.lower()}@demo.invalid",
                "is_demo": True,
            },
        )


def load_bodies():
    bodies = {}
    for key, (kind, parent, established_by, functions) in BODIES.items():
        bodies[key], _ = Body.objects.update_or_create(
            slug=BODY_SLUGS[key],
            defaults={
                "kind": kind,
                "parent": bodies[parent] if parent else None,
                "established_by": decisions_demo.paragraph("4/4", established_by)
                if established_by
                else None,
                **translations("name", "bodies", key, "name"),
                **translations("short_name", "bodies", key, "short_name"),
            },
        )
        bodies[key].functions.set([decisions_demo.paragraph("4/4", f) for f in functions])
    return bodies


def load_meetings(bodies):
    meetings = {}
    # The Conference's sessions are meetings of the Conference, on the sessions' own dates.
    for number, (start, end) in decisions_demo.SESSIONS.items():
        meeting, _ = Meeting.objects.update_or_create(
            slug=f"cop-{number}",
            defaults={
                "body": bodies["conference"],
                "start_date": start,
                "end_date": end,
                "time_zone": "Europe/Vienna",
                **translations("title", "sessions", str(number)),
                **translations("venue", "places", "vienna"),
            },
        )
        meetings[meeting.slug] = meeting
    # The sixth session decides on the Working Group's future: paragraph (t).
    meetings["cop-6"].mandated_by.set([decisions_demo.paragraph("4/4", "t")])
    for key, (body, start, end, mandate) in MEETINGS.items():
        meetings[key], _ = Meeting.objects.update_or_create(
            slug=key,
            defaults={
                "body": bodies[body],
                "start_date": start,
                "end_date": end,
                "time_zone": "Europe/Vienna",
                **translations("title", "meetings", SAME_TEXT.get(key, key)),
                **translations("venue", "places", "vienna"),
            },
        )
        meetings[key].mandated_by.set([decisions_demo.paragraph(*p) for p in mandate])
    return meetings


# The reports and the note the portal composes from the recommendations' records: their demo
# issues and renders them as such, not as demo copies.
RENDERED_AS_RECORDED = {"CTOC/COP/WG.4/2010/6", "CTOC/COP/WG.4/2011/8", "CTOC/COP/2012/6"}


def load_versions(documents, agenda):
    """Every document the sources cite holds its versions: demo copies the portal renders,
    and the April 2009 agenda in the portal's own rendering, issued in six languages. The
    draft agenda of January 2010 is not issued. Loading again renders nothing twice."""
    for symbol, document in documents.items():
        if symbol == AGENDA_2010 or symbol in RENDERED_AS_RECORDED:
            continue
        kind = AGENDA_KIND if symbol == AGENDA else DEMO_COPY_KIND
        if document.issued_at is None:
            document.rendered_kind = kind
            document.issued_at = agenda.issued_at if symbol == AGENDA else timezone.now()
            document.save(update_fields=["rendered_kind", "issued_at"])
        for language in document.languages:
            register.render_version(document, language)


def load_documents(meetings):
    documents = {}
    for symbol, (issued, original, languages, meeting, not_edited) in DOCUMENTS.items():
        documents[symbol], _ = Document.objects.update_or_create(
            symbol=symbol,
            defaults={
                "issue_date": issued,
                "original_language": original,
                "languages": languages,
                "meeting": meetings[meeting] if meeting else None,
                "not_edited": not_edited,
                "category": category(symbol),
                **translations("title", "documents", SAME_TEXT.get(symbol, symbol)),
            },
        )
    return documents


def load_agenda(meeting, document):
    agenda, _ = ProvisionalAgenda.objects.update_or_create(
        meeting=meeting, defaults={"document": document}
    )
    items = {}
    for key in text("fr", "agenda", AGENDA, "items"):
        number, letter = int(key[0]), key[1:]
        path = ("agenda", AGENDA, "items", key)
        items[key], _ = AgendaItem.objects.update_or_create(
            agenda=agenda,
            number=number,
            sub_letter=letter,
            defaults={
                **translations("title", *path, "title"),
                **translations("annotation", *path, "annotation"),
                **translations("annotation_heading", *path, "annotation_heading", optional=True),
            },
        )
        for position, symbol in enumerate(DOCUMENTATION.get(key, [])):
            DocumentationEntry.objects.update_or_create(
                item=items[key],
                document=Document.objects.get(symbol=symbol),
                defaults={"position": position},
            )
    for position, (day, (start, end), item, continued) in enumerate(WORK):
        WorkSlot.objects.update_or_create(
            agenda=agenda,
            position=position,
            defaults={
                "date": day,
                "start_time": start,
                "end_time": end,
                "item": items[item],
                "continued": continued,
                **translations("description", "agenda", AGENDA, "work", item, optional=True),
            },
        )
    return agenda


def load_draft_agenda(meeting, document):
    """The January 2010 agenda as the secretariat drafts it, before the Bureau selects the
    topics. Loading again leaves the Bureau's items that are on it alone."""
    agenda, _ = ProvisionalAgenda.objects.get_or_create(
        meeting=meeting, defaults={"document": document}
    )
    if agenda.items.exists():
        return agenda
    for key, (source, annotated) in AGENDA_2010_ITEMS.items():
        path = ("agenda", AGENDA, "items", source)
        AgendaItem.objects.create(
            agenda=agenda,
            number=int(key[0]),
            sub_letter=key[1:],
            **translations("title", *path, "title"),
            **(translations("annotation", *path, "annotation") if annotated else {}),
        )
    return agenda


def load_session_agenda(meeting, document):
    """The items of the sixth session's provisional agenda that the demo's documents cite."""
    agenda, _ = ProvisionalAgenda.objects.update_or_create(
        meeting=meeting, defaults={"document": document}
    )
    for key in text("fr", "agenda", AGENDA_COP_6, "items"):
        AgendaItem.objects.update_or_create(
            agenda=agenda,
            number=int(key[0]),
            sub_letter=key[1:],
            defaults=translations("title", "agenda", AGENDA_COP_6, "items", key, "title"),
        )
    return agenda
