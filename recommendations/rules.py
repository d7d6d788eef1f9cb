"""Who may see and record what of recommendations (django-rules predicates and permissions).

The secretariat records recommendations, reports, notes and follow-up. Everyone else sees a
meeting's recommendations once the meeting's report is public: until then they are a draft
the secretariat is still entering or translating, or the report's language versions are still
being stored. Both moments are the report's document's, as the register records them:
``issued_at`` when the secretariat issued it, ``released_at`` when every version was there."""

import rules

from meetings.rules import is_secretariat

from .models import Recommendation


def _report_document(record):
    """The document of the report of ``record``, a meeting or one of its recommendations."""
    if record is None:
        return None
    meeting = record.meeting if isinstance(record, Recommendation) else record
    report = getattr(meeting, "report", None)
    return report.document if report is not None else None


@rules.predicate
def report_is_public(user, recommendation):
    """The meeting's report is public: its recommendations are, at the same moment."""
    document = _report_document(recommendation)
    return document is not None and document.released_at is not None


@rules.predicate
def report_is_issued(user, record):
    """The report of the meeting (``record``, or the meeting of a recommendation) is issued:
    its recommendations stand as issued, since the PDF the register renders, perhaps still
    rendering, prints them. What became of them (follow-up) is still recorded."""
    document = _report_document(record)
    return document is not None and document.issued_at is not None


@rules.predicate
def document_is_public(user, record):
    """A report or a note by the Secretariat whose document is public."""
    return record is not None and record.document.released_at is not None


# Writing goes through the admin, whose model permissions the secretariat's group holds.
rules.add_perm("recommendations.view_recommendation", report_is_public | is_secretariat)


# Issuing is the secretariat's; the public reads a report or a note once its document is public.
rules.add_perm("recommendations.issue_report", is_secretariat)
rules.add_perm("recommendations.issue_transmittalnote", is_secretariat)
rules.add_perm("recommendations.view_report", document_is_public | is_secretariat)
rules.add_perm("recommendations.view_transmittalnote", document_is_public | is_secretariat)
