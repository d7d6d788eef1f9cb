"""What a meeting of a body adopted, the report that records it, the note that transmits it to
a session of the Conference, and what the Conference then did with each recommendation."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from decisions.models import Decision, Paragraph
from meetings.models import AgendaItem, Body, Document, Meeting

from .validators import validate_note_placeholders


class Recommendation(models.Model):
    """A numbered recommendation adopted by a meeting, under the agenda item it answers."""

    class Addressee(models.TextChoices):
        STATES_PARTIES = "states_parties", _("States parties")
        CONFERENCE = "conference", _("the Conference")
        SECRETARIAT = "secretariat", _("the secretariat")

    meeting = models.ForeignKey(
        Meeting, models.PROTECT, related_name="recommendations", verbose_name=_("meeting")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    agenda_item = models.ForeignKey(
        AgendaItem,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("agenda item"),
        help_text=_("The item of the meeting's agenda that the recommendation answers."),
    )
    addressee = models.CharField(_("addressed to"), max_length=20, choices=Addressee)
    is_demo = models.BooleanField(
        _("demo text"), default=False, help_text=_("Invented for the demo; not adopted text.")
    )

    class Meta:
        ordering = ["meeting__start_date", "number"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="recommendation_number"),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="recommendation_number_positive"
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.number}"

    def clean(self):
        item, meeting = self.agenda_item_id, self.meeting_id
        if item and meeting and self.agenda_item.agenda.meeting_id != meeting:
            raise ValidationError({"agenda_item": _("Choose an item of this meeting's agenda.")})


class FollowUp(models.Model):
    """What became of a recommendation, as recorded at one time; the latest record holds."""

    class Outcome(models.TextChoices):
        TAKEN_UP = "taken_up", _("taken up")
        NOTED = "noted", _("noted")
        PENDING = "pending", _("pending")

    recommendation = models.ForeignKey(
        Recommendation, models.CASCADE, related_name="follow_ups", verbose_name=_("recommendation")
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome)
    paragraph = models.ForeignKey(
        Paragraph,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("paragraph"),
        help_text=_(
            "The paragraph of a decision or resolution of the Conference that took the "
            "recommendation up, or that took note of it."
        ),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        ordering = ["recommendation", "-recorded_at", "-pk"]
        get_latest_by = ["recorded_at", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-up")
        constraints = [
            # Taken up names the paragraph; pending names none.
            models.CheckConstraint(
                condition=~Q(outcome="taken_up") | Q(paragraph__isnull=False),
                name="follow_up_taken_up_by_paragraph",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="pending") | Q(paragraph__isnull=True),
                name="follow_up_pending_without_paragraph",
            ),
        ]

    def __str__(self):
        return f"{self.recommendation}: {self.get_outcome_display()}"


class Report(models.Model):
    """The report of a meeting: an official document whose introduction and recommendations
    come from the records, and whose other sections the secretariat writes. When it was issued
    and since when it is public are its document's (``document.issued_at``, ``released_at``),
    recorded once, by the register."""

    meeting = models.OneToOneField(
        Meeting, models.PROTECT, related_name="report", verbose_name=_("meeting")
    )
    document = models.OneToOneField(
        Document, models.PROTECT, related_name="report", verbose_name=_("document")
    )
    summary = models.TextField(_("summary of deliberations"), blank=True)
    organization = models.TextField(_("organization of the meeting"), blank=True)
    adoption = models.TextField(_("adoption of the report"), blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.document.symbol}: {self.meeting}"


class TransmittalNote(models.Model):
    """The note by the Secretariat transmitting a body's recommendations to a session of the
    Conference, under an item of that session's provisional agenda."""

    document = models.OneToOneField(
        Document, models.PROTECT, related_name="transmittal_note", verbose_name=_("document")
    )
    body = models.ForeignKey(
        Body,
        models.PROTECT,
        related_name="transmittal_notes",
        verbose_name=_("body whose recommendations it transmits"),
    )
    session = models.ForeignKey(
        Meeting,
        models.PROTECT,
        related_name="transmittal_notes",
        limit_choices_to={"body__kind": Body.Kind.CONFERENCE},
        verbose_name=_("session of the Conference"),
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        models.PROTECT,
        related_name="transmittal_notes",
        verbose_name=_("agenda item"),
        help_text=_("The item of the session's provisional agenda the note is issued under."),
    )
    meetings = models.ManyToManyField(
        Meeting,
        related_name="transmitted_by",
        verbose_name=_("meetings whose recommendations it transmits"),
    )
    mandates = models.ManyToManyField(
        Decision,
        blank=True,
        related_name="transmittal_notes",
        verbose_name=_("mandates recalled"),
        help_text=_("The decisions and resolutions the note recalls, in order: 4/4, then 5/2."),
    )
    recitals = models.TextField(
        _("recitals"),
        blank=True,
        validators=[validate_note_placeholders],
        help_text=_(
            "The paragraphs that recall the mandates, separated by a blank line. "
            "[[[MeetingsHeld]]] says every meeting the body held before the meetings "
            "transmitted, [[[MeetingDates]]] the dates of those meetings, [[[ReportSymbols]]] "
            "the symbols of their reports, each as the language writes them."
        ),
    )

    class Meta:
        ordering = ["session__start_date"]
        verbose_name = _("note transmitting recommendations")
        verbose_name_plural = _("notes transmitting recommendations")

    def __str__(self):
        return self.document.symbol

    def clean(self):
        errors = {}
        if self.session_id and self.session.body.kind != Body.Kind.CONFERENCE:
            errors["session"] = _("Choose a session of the Conference.")
        item, session = self.agenda_item_id, self.session_id
        if item and session and self.agenda_item.agenda.meeting_id != session:
            errors["agenda_item"] = _("Choose an item of this session's provisional agenda.")
        if errors:
            raise ValidationError(errors)
