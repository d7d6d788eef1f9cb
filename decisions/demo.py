"""Demo data: the sessions of the Conference, decision 4/4 and resolution 5/2, from the source
documents. Resolution 5/2 holds only the paragraph the note of 2012 recalls; the sources do not
give its number, so the demo letters it (a)."""

import datetime

from wgportal.demo import text, translations

from .models import ConferenceSession, Decision, Footnote, Paragraph

SESSIONS = {
    4: (datetime.date(2008, 10, 8), datetime.date(2008, 10, 17)),
    5: (datetime.date(2010, 10, 18), datetime.date(2010, 10, 22)),
    6: (datetime.date(2012, 10, 15), datetime.date(2012, 10, 19)),
}
DECISIONS = {"4/4": Decision.Kind.DECISION, "5/2": Decision.Kind.RESOLUTION}


def load():
    for number, (start, end) in SESSIONS.items():
        ConferenceSession.objects.update_or_create(
            number=number,
            defaults={
                "start_date": start,
                "end_date": end,
                **translations("title", "sessions", str(number)),
                **translations("venue", "places", "vienna"),
            },
        )
    decisions = [load_decision(number, kind) for number, kind in DECISIONS.items()]
    return decisions[0]


def load_decision(number, kind=Decision.Kind.DECISION):
    session_number, index = (int(part) for part in number.split("/"))
    decision, _ = Decision.objects.update_or_create(
        session=ConferenceSession.objects.get(number=session_number),
        index=index,
        defaults={
            "kind": kind,
            **translations("title", "decisions", number, "title"),
            **translations("preamble", "decisions", number, "preamble", optional=True),
        },
    )
    paragraphs = {}
    # Keys are "a"… and "o.i"…, in the order of the decision.
    for position, key in enumerate(text("fr", "decisions", number, "paragraphs")):
        *parent_key, label = key.split(".")
        parent = paragraphs[parent_key[0]] if parent_key else None
        paragraphs[key], _ = Paragraph.objects.update_or_create(
            decision=decision,
            parent=parent,
            label=label,
            defaults={
                "position": position,
                **translations("text", "decisions", number, "paragraphs", key),
            },
        )
    for key in text("fr", "decisions", number, "footnotes", default={}):
        Footnote.objects.update_or_create(
            decision=decision,
            number=int(key),
            defaults=translations("text", "decisions", number, "footnotes", key),
        )
    return decision


def paragraph(number, key):
    """The paragraph "o.i" of decision "4/4"."""
    session_number, index = (int(part) for part in number.split("/"))
    *parent, label = key.split(".")
    where = {"parent__label": parent[0]} if parent else {"parent__isnull": True}
    return Paragraph.objects.get(
        decision__session__number=session_number, decision__index=index, label=label, **where
    )
