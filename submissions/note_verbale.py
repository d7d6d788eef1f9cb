"""The note verbale of a call for topics, for one State, in one language.

The secretariat's text is never a template: it is split into paragraphs, escaped, and the fixed
placeholders of submissions.validators are replaced by escaped values. **Bold** is the only
markup. In a right-to-left language the numbers, addresses and symbols of the text and of the
values are isolated so that each keeps its own order. The PDF goes through the portal's
renderer.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import override

from wgportal import pdf, style

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
            "MeetingPlaceIn": meeting.place_in(language),
            "MeetingDates": style.date_span_prose(meeting.start_date, meeting.end_date, language),
            "Deadline": style.date_long(last_day, language),
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
        # Split on the placeholders, the parts alternate: text, a placeholder's name, text…
        html = "".join(
            escape(style.bidi(values.get(part, "") if index % 2 else part, language))
            for index, part in enumerate(PLACEHOLDER_RE.split(paragraph))
        )
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
