"""Issuing a meeting's report and a note by the Secretariat: their document is issued through
the document register, which dates it (the day in the meeting's zone) and has a worker render
each language version; the document is public once the last is stored, and a report's
recommendations with it, not a moment before.

Both refuse what would go out incomplete: a text the secretariat wrote in one language and not
in another, a report without recommendations, a note that transmits no meeting. Each takes its
row lock first, so that two secretariat members issuing at once issue once.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from meetings import register
from wgportal import i18n

from .documents import NOTE_KIND, REPORT_KIND
from .models import Report, TransmittalNote

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def untranslated(instance, field):
    """The languages in which a translated field is empty while another language has it."""
    values = {
        code: getattr(instance, build_localized_fieldname(field, code)) or "" for code in LANGUAGES
    }
    if not any(value.strip() for value in values.values()):
        return []
    return [code for code, value in values.items() if not value.strip()]


def _languages(codes):
    return i18n.join_names([str(i18n.language_name(code)) for code in codes])


def report_gaps(report):
    """What keeps the report from being issued, each said so that the secretariat can act."""
    gaps = []
    recommendations = list(report.meeting.recommendations.order_by("number"))
    if not recommendations:
        gaps.append(_("The meeting has no recommendations yet: enter or import them first."))
    for recommendation in recommendations:
        if missing := untranslated(recommendation, "text"):
            gaps.append(
                _("Recommendation %(number)s has no text in %(languages)s.")
                % {"number": recommendation.number, "languages": _languages(missing)}
            )
    for field in ("summary", "organization", "adoption"):
        if missing := untranslated(report, field):
            gaps.append(
                _("The section “%(section)s” has no text in %(languages)s.")
                % {
                    "section": Report._meta.get_field(field).verbose_name,
                    "languages": _languages(missing),
                }
            )
    return gaps


def note_gaps(note):
    gaps = []
    if not note.meetings.exists():
        gaps.append(_("Choose the meetings whose recommendations the note transmits."))
    if not note.recitals.strip():
        gaps.append(_("Write the paragraphs that recall the mandates."))
    elif missing := untranslated(note, "recitals"):
        gaps.append(
            _("The paragraphs that recall the mandates have no text in %(languages)s.")
            % {"languages": _languages(missing)}
        )
    return gaps


def _issue(instance, *, by, gaps, kind):
    # Issued is the document's state alone: the register records it, and releases the
    # document (and with a report, its recommendations) once every version is stored.
    if instance.document.issued_at:
        raise ValidationError(
            _("%(symbol)s has been issued already.") % {"symbol": instance.document.symbol}
        )
    if problems := gaps(instance):
        raise ValidationError(problems)
    instance.document = register.issue_document(instance.document, by=by, rendered_kind=kind)
    return instance


@transaction.atomic
def issue_report(report, *, by):
    """The report is issued; it goes public, and with it the recommendations of its meeting,
    once its six versions are stored. From now on those recommendations stand as issued."""
    if not by.has_perm("recommendations.issue_report"):
        raise PermissionDenied
    report = (
        Report.objects.select_for_update().select_related("document", "meeting").get(pk=report.pk)
    )
    return _issue(report, by=by, gaps=report_gaps, kind=REPORT_KIND)


@transaction.atomic
def issue_note(note, *, by):
    """The note by the Secretariat goes public."""
    if not by.has_perm("recommendations.issue_transmittalnote"):
        raise PermissionDenied
    note = (
        TransmittalNote.objects.select_for_update()
        .select_related("document", "session")
        .get(pk=note.pk)
    )
    return _issue(note, by=by, gaps=note_gaps, kind=NOTE_KIND)
