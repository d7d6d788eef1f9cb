"""The note verbale of a call for topics, for one State, in one language.

The secretariat's text is never a template: it is split into paragraphs, escaped, and the fixed
placeholders of submissions.validators are replaced by escaped values. **Bold** is the only
markup. The PDF goes through the portal's renderer.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import override

from wgportal import pdf
from wgportal.i18n import date_long, date_span_prose

from .validators import PLACEHOLDER_RE

BOLD_RE = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def placeholder_values(call, mission, language):
    meeting = call.meeting
    # "By 31 July 2009": the deadline's day in its zone (a deadline is never midnight).
    last_day = call.deadline.astimezone(call.zone).date()
    with override(language):
        return {
            "FunctionalTitle": mission.functional_title if mission else "",
            "MeetingPlace": meeting.venue,
            "MeetingDates": date_span_prose(meeting.start_date, meeting.end_date, language),
            "Deadline": date_long(last_day, language),
            "ReplyAddress": call.reply_address,
            "Fax": call.fax,
            "Email": call.email,
        }


def paragraphs(call, mission, language):
    """The note's body as a list of ("text", safe HTML) and ("areas", [areas]) blocks."""
    values = placeholder_values(call, mission, language)
    with override(language):
        text = call.note_text
        areas = list(call.areas.all())
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if paragraph.strip() == "[[[SuggestedAreas]]]":
            blocks.append(("areas", areas))
            continue
        html = PLACEHOLDER_RE.sub(lambda m: "\0" + m.group(1) + "\0", paragraph)
        html = escape(html)
        html = re.sub(r"\0([^\0]*)\0", lambda m: escape(values.get(m.group(1), "")), html)
        html = BOLD_RE.sub(
            lambda m: format_html("<strong>{}</strong>", mark_safe(m.group(1))), html
        )
        blocks.append(("text", mark_safe(html)))
    return blocks


def note_verbale_pdf(call, state, language):
    mission = getattr(state, "mission", None)
    context = {
        "call": call,
        "state": state,
        "mission": mission,
        "blocks": paragraphs(call, mission, language),
    }
    return pdf.render("pdf/note_verbale.html", context, language)


def filename(call, state, language):
    reference = re.sub(r"[^A-Za-z0-9]+", "-", call.reference).strip("-")
    return f"{reference}-{state.iso3}-{language}.pdf"
