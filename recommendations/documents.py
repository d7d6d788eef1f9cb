"""What the report of a meeting and the note by the Secretariat transmitting its
recommendations say, in one language: their context for templates/pdf/.

What a document states comes from the records: the paragraphs of the mandate (the report's
introduction), the recommendations under the agenda items they answer, the places and dates
of the meetings through the style layer. The secretariat's own sentences (the report's
sections, the note's recitals) are translated text and never a template: they are split into
paragraphs, escaped, and the placeholders of ``validators.NOTE_PLACEHOLDERS`` are replaced by
values computed in the document's language.
"""

import re
from itertools import count, groupby

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override, pgettext

from wgportal import pdf, style

from . import selectors
from .validators import PLACEHOLDER_RE

REPORT_KIND = "report"
NOTE_KIND = "note"

# How the introduction cites a paragraph of the mandate: the paragraph's text, which opens
# with the Conference's verb ("Decided, …;"), ends the sentence.
INTRODUCTION = {
    "decision": gettext_noop(
        "In paragraph %(path)s of its decision %(number)s, the Conference %(text)s"
    ),
    "resolution": gettext_noop(
        "In paragraph %(path)s of its resolution %(number)s, the Conference %(text)s"
    ),
}


def split_paragraphs(text, values=None, language=None):
    """The secretariat's text as safe HTML paragraphs, placeholders replaced, numbers and
    symbols isolated in a right-to-left language."""
    values = values or {}
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if not paragraph.strip():
            continue
        # Split on the placeholders, the parts alternate: text, a placeholder's name, text…
        parts = PLACEHOLDER_RE.split(" ".join(paragraph.split()))
        html = "".join(
            escape(style.bidi(values.get(part, "") if index % 2 else part, language))
            for index, part in enumerate(parts)
        )
        blocks.append(mark_safe(html))
    return blocks


# The report -----------------------------------------------------------------------------------


def mandate(meeting):
    """The paragraphs that established the body and mandated the meeting, each once, in the
    order of the decisions and of their paragraphs."""
    paragraphs = {}
    if meeting.body.established_by:
        paragraphs[meeting.body.established_by.pk] = meeting.body.established_by
    for paragraph in meeting.mandated_by.all():
        paragraphs.setdefault(paragraph.pk, paragraph)
    return sorted(
        paragraphs.values(),
        key=lambda p: (p.decision.session.number, p.decision.index, p.position),
    )


def introduction(meeting):
    """'In paragraph (n) of its decision 4/4, the Conference decided, …', in the active
    language, one sentence per paragraph of the mandate."""
    conventions = style.style_for()
    return [
        _(INTRODUCTION[paragraph.decision.kind])
        % {
            "path": conventions.label_path(paragraph.labels),
            "number": paragraph.decision.number,
            "text": conventions.clause(paragraph.text),
        }
        for paragraph in mandate(meeting)
    ]


def _item_order(recommendation):
    item = recommendation.agenda_item
    place = (0, item.number, item.sub_letter) if item else (1, 0, "")
    return (*place, recommendation.number)


def recommendations_by_item(recommendations):
    """[(agenda item or None, [recommendations])]: the recommendations grouped under the item
    they answer, items in the agenda's order, those answering no item last."""
    ordered = sorted(recommendations, key=_item_order)
    return [(item, list(group)) for item, group in groupby(ordered, lambda r: r.agenda_item)]


def report_sections(report):
    """The sections the secretariat writes, numbered after the two the records compose:
    [(section number, title, [paragraphs])]."""
    sections = [
        (pgettext("section of a report", "Summary of deliberations"), report.summary),
        (pgettext("section of a report", "Organization of the meeting"), report.organization),
        (pgettext("section of a report", "Adoption of the report"), report.adoption),
    ]
    conventions = style.style_for()
    return [
        (
            conventions.section_number(number),
            title,
            split_paragraphs(text, language=conventions.code),
        )
        for number, (title, text) in enumerate(
            ((title, text) for title, text in sections if text.strip()), start=3
        )
    ]


def report_context(report, language):
    """The report's paragraphs in one sequence through the document, as a UN report numbers
    them: the introduction's, then the recommendations' (the recommendations are paragraphs
    of the report, cf. CTOC/COP/WG.4/2010/6, paras. 3 ff.), then those of the sections the
    secretariat writes; headings are not numbered."""
    meeting = report.meeting
    with override(language):
        conventions = style.style_for(language)
        numbers = count(1)
        return {
            "report": report,
            "document": report.document,
            "meeting": meeting,
            "body_name": (meeting.body.parent or meeting.body).name,
            "numbers": [conventions.section_number(n) for n in (1, 2)],
            "introduction": [(next(numbers), sentence) for sentence in introduction(meeting)],
            "groups": [
                (item, [(next(numbers), recommendation) for recommendation in group])
                for item, group in recommendations_by_item(meeting.recommendations.all())
            ],
            "sections": [
                (number, title, [(next(numbers), paragraph) for paragraph in paragraphs])
                for number, title, paragraphs in report_sections(report)
            ],
        }


def report_pdf(report, language):
    """``report`` as selectors.report_for_document gives it."""
    return pdf.render("pdf/report.html", report_context(report, language), language)


# The note by the Secretariat ------------------------------------------------------------------


def _spans(meetings):
    return [(meeting.start_date, meeting.end_date) for meeting in meetings]


def note_values(note, transmitted, language):
    """The placeholders' values: every meeting the body held before the meetings transmitted,
    the dates of those meetings, and their reports' symbols."""
    first_day = min(meeting.start_date for meeting in transmitted) if transmitted else None
    held = [m for m in note.body.meetings.all() if first_day and m.start_date < first_day]
    symbols = [
        meeting.report.document.symbol for meeting in transmitted if hasattr(meeting, "report")
    ]
    return {
        "MeetingsHeld": style.date_spans_prose(_spans(held), language),
        "MeetingDates": style.date_spans_prose(_spans(transmitted), language),
        "ReportSymbols": style.join_names(symbols, language),
    }


def item_title(item):
    """The title under the item reference: a sub-item's with its item's ("Review …: Protocol
    …"), as the note prints it in bold."""
    if not item.sub_letter:
        return item.title
    parent = next(
        (
            other
            for other in item.agenda.items.all()
            if other.number == item.number and not other.sub_letter
        ),
        None,
    )
    if parent is None:
        return item.title
    return _("%(item)s: %(sub_item)s") % {"item": parent.title, "sub_item": item.title}


def note_context(note, language):
    transmitted = sorted(note.meetings.all(), key=lambda meeting: meeting.start_date)
    item = note.agenda_item
    with override(language):
        conventions = style.style_for(language)
        recommendations = [r for meeting in transmitted for r in meeting.recommendations.all()]
        return {
            "note": note,
            "document": note.document,
            "session": note.session,
            "body_name": note.session.body.name,
            "item_reference": conventions.item_reference(item.number, item.sub_letter),
            "item_title": item_title(item),
            "footnote": conventions.item_reference_footnote(item.agenda.document.symbol),
            "recitals": split_paragraphs(
                note.recitals, note_values(note, transmitted, language), language
            ),
            # The note transmits the recommendations under their own numbers.
            "groups": [
                (item, [(recommendation.number, recommendation) for recommendation in group])
                for item, group in recommendations_by_item(recommendations)
            ],
        }


def note_pdf(note, language):
    """``note`` as selectors.note_for_document gives it."""
    return pdf.render("pdf/transmittal_note.html", note_context(note, language), language)


def filename(document, language):
    return f"{document.symbol.replace('/', '-')}-{language}.pdf"


# `manage.py render_pdf report --symbol …` and `render_pdf note --symbol …` -------------------


def _add_symbol_argument(parser):
    parser.add_argument("--symbol", required=True, help="the document's symbol")


def report_of_document(document, language):
    """The report whose document this is, rendered in ``language`` from the records."""
    return report_pdf(selectors.report(document.symbol), language)


def note_of_document(document, language):
    """The note whose document this is, rendered in ``language`` from the records."""
    return note_pdf(selectors.note(document.symbol), language)


def register():
    """The two kinds, for `manage.py render_pdf` and for the register's worker, which renders
    each language version of an issued report or note."""
    pdf.register_kind(
        REPORT_KIND,
        _add_symbol_argument,
        lambda options, language: report_pdf(selectors.report(options["symbol"]), language),
        from_document=report_of_document,
    )
    pdf.register_kind(
        NOTE_KIND,
        _add_symbol_argument,
        lambda options, language: note_pdf(selectors.note(options["symbol"]), language),
        from_document=note_of_document,
    )
