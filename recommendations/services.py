"""State changes of recommendations: adding them one by one or from a report's text, and
recording what the Conference did with them. Numbering locks the meeting's row, so that two
secretariat members adding at once never give the same number twice. Once the meeting's report
is issued its recommendations stand as issued (``check_not_issued``); follow-up goes on."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from meetings.models import Meeting
from wgportal import style

from . import importing
from .models import FollowUp, Recommendation
from .rules import report_is_issued

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _check_language(language):
    if language not in LANGUAGES:
        raise ValidationError(
            _("Choose one of the six languages: %(languages)s.")
            % {"languages": ", ".join(LANGUAGES)}
        )


def _check_placement(meeting, addressee, agenda_item):
    if addressee not in Recommendation.Addressee.values:
        raise ValidationError(
            _(
                "Say to whom the recommendations are addressed: States parties, the Conference "
                "or the secretariat."
            )
        )
    if agenda_item is not None and agenda_item.agenda.meeting_id != meeting.pk:
        raise ValidationError(
            _(
                "The agenda item %(item)s is not on the agenda of %(meeting)s: choose one of "
                "its items, or none."
            )
            % {"item": agenda_item.label, "meeting": meeting}
        )


def check_not_issued(meeting):
    """Refuse to add, change or remove a recommendation of a meeting whose report is issued:
    the issued report prints them, and the public pages must say what it says."""
    if report_is_issued.test(None, meeting):
        raise ValidationError(
            _(
                "The report of %(meeting)s, %(symbol)s, has been issued: its recommendations "
                "stand as issued and can no longer be added, changed or removed. To correct "
                "them, issue a corrigendum, which is a new document."
            )
            % {"meeting": meeting, "symbol": meeting.report.document.symbol},
            code="report_issued",
        )


def locked(meeting):
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def next_number(meeting):
    """The number after the meeting's last recommendation; call it with the meeting locked."""
    return (meeting.recommendations.aggregate(last=Max("number"))["last"] or 0) + 1


@transaction.atomic
def add_recommendation(meeting, *, texts, addressee, agenda_item=None, is_demo=False):
    """A recommendation numbered after the meeting's last one. ``texts``: {language: text},
    at least one of them written."""
    meeting = locked(meeting)
    check_not_issued(meeting)
    _check_placement(meeting, addressee, agenda_item)
    written = {language: (text or "").strip() for language, text in texts.items()}
    for language in written:
        _check_language(language)
    if not any(written.values()):
        raise ValidationError(_("Write the recommendation's text in at least one language."))
    recommendation = Recommendation(
        meeting=meeting,
        number=next_number(meeting),
        addressee=addressee,
        agenda_item=agenda_item,
        is_demo=is_demo,
    )
    for language, text in written.items():
        setattr(recommendation, build_localized_fieldname("text", language), text)
    recommendation.full_clean()
    recommendation.save()
    return recommendation


def preview_import(meeting, *, language, text):
    """What importing would do, without doing it: (parsed paragraphs, existing recommendations
    whose text in ``language`` they would replace, by number). Refused as import would be."""
    check_not_issued(meeting)
    _check_language(language)
    parsed = importing.parse(text, language)
    existing = list(meeting.recommendations.order_by("number"))
    if existing and len(existing) != len(parsed):
        raise ValidationError(
            _(
                "%(meeting)s already has %(existing)s recommendations and the text holds "
                "%(parsed)s. Paste the same section in another language to add that language "
                "to them, or add a recommendation one by one."
            )
            % {"meeting": meeting, "existing": len(existing), "parsed": len(parsed)}
        )
    return parsed, existing


@transaction.atomic
def import_recommendations(meeting, *, language, text, addressee, agenda_item=None):
    """The recommendations of a report's section, pasted in one language. Into a meeting
    without recommendations, they are created numbered 1, 2…; into one that has as many, the
    text gives their ``language`` version, number by number. Returns the recommendations."""
    meeting = locked(meeting)
    _check_placement(meeting, addressee, agenda_item)
    parsed, existing = preview_import(meeting, language=language, text=text)
    field = build_localized_fieldname("text", language)
    if existing:
        for recommendation, paragraph in zip(existing, parsed, strict=True):
            setattr(recommendation, field, paragraph.text)
            recommendation.save(update_fields=[field])
        return existing
    created = []
    for paragraph in parsed:
        recommendation = Recommendation(
            meeting=meeting,
            number=paragraph.number,
            addressee=addressee,
            agenda_item=agenda_item,
        )
        setattr(recommendation, field, paragraph.text)
        recommendation.save()
        created.append(recommendation)
    return created


def check_follow_up(recommendation, outcome, paragraph):
    """The follow-up's rules, for the service and for the admin's form: taken up by a paragraph
    of a decision or resolution of the Conference, noted (by a paragraph, or without one), or
    pending, without one. The paragraph's session must end no earlier than the meeting: the
    Conference cannot act on what had not been adopted."""
    if outcome not in FollowUp.Outcome.values:
        raise ValidationError(
            _("Choose what became of the recommendation: taken up, noted or pending.")
        )
    if outcome == FollowUp.Outcome.TAKEN_UP and paragraph is None:
        raise ValidationError(
            _("Name the paragraph of the decision or resolution that took the recommendation up.")
        )
    if outcome == FollowUp.Outcome.PENDING and paragraph is not None:
        raise ValidationError(
            _("A pending recommendation has no paragraph yet: leave the paragraph empty.")
        )
    meeting = recommendation.meeting
    session = paragraph.decision.session if paragraph is not None else None
    if session is not None and session.end_date < meeting.end_date:
        raise ValidationError(
            _(
                "%(citation)s was adopted at the session of %(session)s, before the meeting "
                "of %(meeting)s adopted this recommendation: choose a paragraph adopted "
                "afterwards."
            )
            % {
                "citation": capfirst(paragraph.citation()),
                "session": style.date_range(session.start_date, session.end_date),
                "meeting": style.date_range(meeting.start_date, meeting.end_date),
            }
        )


@transaction.atomic
def record_follow_up(recommendation, *, outcome, user, paragraph=None, at=None):
    """What became of a recommendation, recorded by ``user`` now (or ``at``); the record
    before it stays in the list, so that every change of the follow-up can be read back."""
    check_follow_up(recommendation, outcome, paragraph)
    return FollowUp.objects.create(
        recommendation=recommendation,
        outcome=outcome,
        paragraph=paragraph,
        recorded_by=user,
        recorded_at=at or timezone.now(),
    )
