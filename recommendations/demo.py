"""Demo data: recommendations of the Working Group's meetings (invented, marked as demo text),
the reports that publish them (issued in the register), and what the Conference did with some
of them. The texts are in demo/recommendations.toml."""

import datetime
import tomllib
import zoneinfo
from functools import cache

from django.conf import settings
from django.contrib.auth import get_user_model
from modeltranslation.utils import build_localized_fieldname

from decisions import demo as decisions_demo
from decisions.models import ConferenceSession
from meetings.models import AgendaItem, Document, Meeting

from . import services
from .documents import REPORT_KIND
from .models import Recommendation, Report

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# meeting: its report's symbol. The meeting of October 2010 has no report in the demo: its
# recommendations are a draft that only the secretariat sees.
REPORTS = {
    "wg-2009": "CTOC/COP/WG.4/2009/2",
    "wg-2010-01": "CTOC/COP/WG.4/2010/6",
    "wg-2011": "CTOC/COP/WG.4/2011/8",
}
SECRETARIAT = "secretariat"
VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")


@cache
def texts():
    return tomllib.loads((settings.BASE_DIR / "demo" / "recommendations.toml").read_text("utf-8"))


def translated(field, entry):
    values = {build_localized_fieldname(field, code): entry[code] for code in LANGUAGES}
    return {field: entry["en"], **values}


def load():
    meetings = {meeting.slug: meeting for meeting in Meeting.objects.filter(slug__in=REPORTS)}
    load_reports(meetings)
    recommendations = load_recommendations()
    load_follow_up(recommendations)


def load_reports(meetings):
    for symbol, titles in texts()["reports"].items():
        meeting = next(slug for slug, report in REPORTS.items() if report == symbol)
        Document.objects.get_or_create(
            symbol=symbol,
            defaults={
                "meeting": meetings[meeting],
                "languages": LANGUAGES,
                **translated("title", titles),
            },
        )
    for slug, symbol in REPORTS.items():
        meeting = meetings[slug]
        report, _ = Report.objects.get_or_create(
            meeting=meeting, defaults={"document": Document.objects.get(symbol=symbol)}
        )
        document = report.document
        if document.issued_at is None:
            # Issued a month after the meeting, at noon in Vienna, as the portal renders it;
            # public once its versions are rendered (demo_documents), and its recommendations
            # with it.
            day = meeting.end_date + datetime.timedelta(days=30)
            document.issued_at = datetime.datetime.combine(day, datetime.time(12), meeting.zone)
            document.rendered_kind = REPORT_KIND
            document.save(update_fields=["issued_at", "rendered_kind"])


def load_recommendations():
    loaded = {}
    for slug, entries in texts().items():
        if slug in ("follow-up", "reports"):
            continue
        meeting = Meeting.objects.get(slug=slug)
        for number, entry in entries.items():
            item = entry.get("item")
            loaded[f"{slug}.{number}"], _ = Recommendation.objects.update_or_create(
                meeting=meeting,
                number=int(number),
                defaults={
                    "addressee": entry["addressee"],
                    "agenda_item": _item(meeting, item) if item else None,
                    "is_demo": True,
                    **translated("text", entry),
                },
            )
    return loaded


def _item(meeting, key):
    number, letter = int(key[0]), key[1:]
    return AgendaItem.objects.get(agenda__meeting=meeting, number=number, sub_letter=letter)


def load_follow_up(recommendations):
    """Recorded once, through the use case, by the secretariat's demo account on the last day
    of the session that acted."""
    secretariat = get_user_model().objects.get(username=SECRETARIAT)
    for key, entry in texts()["follow-up"].items():
        recommendation = recommendations[key]
        if recommendation.follow_ups.exists():
            continue
        paragraph = decisions_demo.paragraph(*entry["paragraph"]) if "paragraph" in entry else None
        session = ConferenceSession.objects.get(number=entry["session"])
        services.record_follow_up(
            recommendation,
            outcome=entry["outcome"],
            paragraph=paragraph,
            user=secretariat,
            at=datetime.datetime.combine(session.end_date, datetime.time(18), VIENNA),
        )
