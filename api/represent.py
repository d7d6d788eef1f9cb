"""The objects the selectors give, as the API's schemas say them, in the language asked for.
Reads only what the selectors prefetched: no query here."""

from functools import partial
from urllib.parse import urlencode

from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation

from decisions.citations import paragraph_label

from .languages import CODES


class Represent:
    def __init__(self, request, texts):
        self.request = request
        self.texts = texts
        # A page's path is the same in every language but for the prefix that i18n_patterns
        # puts first (/en/, /fr/; the paths themselves are not translated): it is reversed
        # once, in the language active for the request, and put under each language's prefix.
        self.reversed_under = language_prefix(translation.get_language())

    def absolute(self, path):
        return self.request.build_absolute_uri(path)

    def api(self, name, *args):
        return self.absolute(reverse(f"api-v1:{name}", args=args))

    def listing(self, name, **filters):
        return self.absolute(f"{reverse(f'api-v1:{name}')}?{urlencode(filters)}")

    def page(self, name, *args):
        """A page of the portal, under the prefix of the language (of each, for all)."""
        return self.texts.each(partial(self.in_language, reverse(name, args=args)))

    def in_language(self, path, code):
        """``path``, reversed in the active language, under the prefix of language ``code``."""
        if not path.startswith(self.reversed_under):
            raise ValueError(f"{path} is not under {self.reversed_under}")
        return self.absolute(language_prefix(code) + path.removeprefix(self.reversed_under))

    def reference(self, paragraph):
        decision = paragraph.decision
        return {
            "decision": decision.number,
            "labels": paragraph.labels,
            "citation": self.texts.call(paragraph.citation),
            "url": self.api("decision", decision.session.number, decision.index),
        }

    def body(self, body):
        field = self.texts.field
        return {
            "slug": body.slug,
            "kind": body.kind,
            "name": field(body, "name"),
            "short_name": field(body, "short_name"),
            "parent": body.parent.slug if body.parent else None,
            "established_by": self.reference(body.established_by) if body.established_by else None,
            "functions": [self.reference(p) for p in body.functions.all()],
            "calendar": self.page("meetings:body_ics", body.slug),
            "page": self.page("meetings:body", body.slug),
            "url": self.api("body", body.slug),
        }

    def meeting(self, meeting):
        field = self.texts.field
        agenda = getattr(meeting, "agenda", None)
        issued = agenda is not None and agenda.issued_at is not None
        return {
            "slug": meeting.slug,
            "title": field(meeting, "title"),
            "venue": field(meeting, "venue"),
            "body": meeting.body.slug,
            "start_date": meeting.start_date,
            "end_date": meeting.end_date,
            "time_zone": meeting.time_zone,
            "mandated_by": [self.reference(p) for p in meeting.mandated_by.all()],
            "agenda": self.api("agenda", meeting.slug) if issued else None,
            "documents": self.listing("document_list", meeting=meeting.slug),
            "recommendations": self.listing("recommendation_list", meeting=meeting.slug),
            "calendar": self.page("meetings:ics", meeting.slug),
            "page": self.page("meetings:detail", meeting.slug),
            "url": self.api("meeting", meeting.slug),
        }

    def decision_summary(self, decision):
        return {
            "number": decision.number,
            "kind": decision.kind,
            "session": decision.session.number,
            "title": self.texts.field(decision, "title"),
            "page": self.page("decisions:detail", decision.session.number, decision.index),
            "url": self.api("decision", decision.session.number, decision.index),
        }

    def decision(self, decision):
        field = self.texts.field
        session = decision.session
        return {
            **self.decision_summary(decision),
            "session_held": {
                "number": session.number,
                "title": field(session, "title"),
                "venue": field(session, "venue"),
                "start_date": session.start_date,
                "end_date": session.end_date,
            },
            "preamble": field(decision, "preamble"),
            "paragraphs": [
                {
                    **self.paragraph(paragraph),
                    "subparagraphs": [self.paragraph(child) for child in paragraph.children],
                }
                for paragraph in decision.top_paragraphs
            ],
            "footnotes": [
                {"number": note.number, "text": field(note, "text")}
                for note in decision.footnotes.all()
            ],
        }

    def paragraph(self, paragraph):
        return {
            "labels": paragraph.labels,
            "label": self.texts.call(paragraph_label, paragraph.label, paragraph.level),
            "citation": self.texts.call(paragraph.citation),
            "text": self.texts.field(paragraph, "text"),
        }

    def document(self, document):
        return {
            "symbol": document.symbol,
            "title": self.texts.field(document, "title"),
            "category": document.category,
            "distribution": document.distribution,
            "issue_date": document.issue_date,
            "original_language": document.original_language,
            "languages": document.languages,
            "versions": [
                {
                    "language": version.language,
                    "format": version.format,
                    "pages": version.pages,
                    "size": version.size,
                    "issue_date": version.issue_date,
                    "file": self.in_language(version.get_absolute_url(), version.language),
                }
                for version in sorted(
                    document.versions.all(), key=lambda v: CODES.index(v.language)
                )
            ],
            "not_edited": document.not_edited,
            "meeting": document.meeting.slug if document.meeting else None,
            "page": self.page("meetings:document", document.symbol),
            "url": self.api("document", document.symbol),
        }

    def agenda(self, agenda):
        field = self.texts.field
        slug = agenda.meeting.slug
        return {
            "meeting": slug,
            "symbol": agenda.document.symbol,
            "issued_at": agenda.issued_at,
            "items": [
                {
                    "number": item.number,
                    "sub_letter": item.sub_letter,
                    "title": field(item, "title"),
                    "heading": self.texts.call(getattr, item, "heading"),
                    "annotation": field(item, "annotation"),
                    "documentation": [
                        entry.document.symbol for entry in item.documentation_entries.all()
                    ],
                }
                for item in agenda.items.all()
            ],
            "pdf": self.page("meetings:agenda_pdf", slug),
            "url": self.api("agenda", slug),
        }

    def recommendation(self, recommendation):
        """With the follow-up that holds (the latest record), as the follow-up page shows it;
        who recorded it stays with the secretariat."""
        meeting, item = recommendation.meeting, recommendation.agenda_item
        records = recommendation.follow_up_records
        record = records[0] if records else None
        return {
            "meeting": meeting.slug,
            "body": meeting.body.slug,
            "number": recommendation.number,
            "text": self.texts.field(recommendation, "text"),
            "addressee": recommendation.addressee,
            "agenda_item": {"number": item.number, "sub_letter": item.sub_letter} if item else None,
            "transmitted_by": [
                {"symbol": note.document.symbol, "session": note.session.slug}
                for note in meeting.notes
            ],
            "follow_up": {
                "outcome": record.outcome if record else "pending",
                "paragraph": self.reference(record.paragraph)
                if record and record.paragraph
                else None,
                "recorded_on": timezone.localdate(record.recorded_at) if record else None,
            },
            "demo": recommendation.is_demo,
            "url": self.api("recommendation", meeting.slug, recommendation.number),
        }


def language_prefix(code):
    """Where i18n_patterns puts the pages in language ``code``: /fr/."""
    return f"{get_script_prefix()}{code}/"
