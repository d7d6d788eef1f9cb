import zoneinfo

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from meetings.models import MemberState
from meetings.validators import validate_time_zone

from .validators import validate_deadline, validate_note_text, validate_reminder_days


class Delegate(models.Model):
    """A user who speaks for one State. Deactivating keeps the State's proposals."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="delegate", verbose_name=_("user")
    )
    state = models.ForeignKey(
        MemberState, models.PROTECT, related_name="delegates", verbose_name=_("State")
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state__short_name", "user__last_name"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user} ({self.state})"


def default_reminders():
    return [14, 3]


class CallForTopics(models.Model):
    """The note verbale's invitation to propose topics for a meeting, and its deadline.

    The status changes only through submissions.services (open_call, close_call…).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")
        DECIDED = "decided", _("decided")

    meeting = models.OneToOneField(
        "meetings.Meeting",
        models.PROTECT,
        related_name="call_for_topics",
        verbose_name=_("meeting"),
    )
    reference = models.CharField(
        _("reference"), max_length=50, unique=True, help_text=_("As on the note: CU 2009/92 (A).")
    )
    issue_date = models.DateField(_("date of the note"))
    deadline = models.DateTimeField(
        _("deadline"),
        help_text=_(
            "In the call's time zone. Proposals are refused from this minute on: for “by 31 July "
            "2009”, enter 31 July 2009, 23:59."
        ),
    )
    time_zone = models.CharField(
        _("time zone of the deadline"),
        max_length=64,
        default="Europe/Vienna",
        validators=[validate_time_zone],
    )
    topics_to_select = models.PositiveSmallIntegerField(
        _("topics the Bureau will select"), default=3
    )
    max_proposals_per_state = models.PositiveSmallIntegerField(
        _("most proposals per State"), default=3
    )
    max_drafts_per_state = models.PositiveSmallIntegerField(
        _("most drafts per State"),
        default=10,
        help_text=_("How many unsubmitted drafts a State may keep in this call at once."),
    )
    note_text = models.TextField(
        _("text of the note"),
        help_text=_(
            "The body of the note verbale. Paragraphs are separated by a blank line; **text** "
            "is bold. Placeholders filled for each State: [[[FunctionalTitle]]], "
            "[[[MeetingPlace]]], [[[MeetingDates]]], [[[SuggestedAreas]]] (alone in its "
            "paragraph), [[[Deadline]]], [[[ReplyAddress]]], [[[Fax]]], [[[Email]]]."
        ),
        validators=[validate_note_text],
    )
    reply_address = models.CharField(
        _("reply address"),
        max_length=300,
        help_text=_("Where replies go, as the note's last sentence names it."),
    )
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"))
    reminder_days = models.JSONField(
        _("reminders (days before the deadline)"),
        default=default_reminders,
        blank=True,
        validators=[validate_reminder_days],
        help_text=_("For example [14, 3]: States that have submitted nothing are reminded."),
    )
    status = models.CharField(
        pgettext_lazy("stage of a piece of work", "status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        editable=False,
    )
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    # The Bureau's decision, recorded when the selection is finalized.
    bureau_meeting = models.ForeignKey(
        "meetings.Meeting",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="selections",
        editable=False,
        verbose_name=_("Bureau meeting that selected the topics"),
    )
    decided_at = models.DateTimeField(
        _("selection finalized"), null=True, blank=True, editable=False
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("finalized by"),
    )

    class Meta:
        ordering = ["-issue_date"]
        verbose_name = _("call for topics")
        verbose_name_plural = _("calls for topics")
        constraints = [
            models.CheckConstraint(
                condition=Q(topics_to_select__gte=1), name="call_selects_at_least_one"
            ),
            models.CheckConstraint(
                condition=Q(max_proposals_per_state__gte=1), name="call_allows_a_proposal"
            ),
        ]

    def __str__(self):
        return self.reference

    def clean(self):
        super().clean()
        if self.time_zone in zoneinfo.available_timezones():
            validate_deadline(self.deadline, self.zone)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)


class SuggestedArea(models.Model):
    """One of the areas a)–h) the note suggests."""

    call = models.ForeignKey(
        CallForTopics, models.CASCADE, related_name="areas", verbose_name=_("call for topics")
    )
    letter = models.CharField(_("letter"), max_length=2)
    title = models.TextField(_("title"))

    class Meta:
        ordering = ["call", "letter"]
        verbose_name = _("suggested area")
        verbose_name_plural = _("suggested areas")
        constraints = [
            models.UniqueConstraint(fields=["call", "letter"], name="area_letter_unique"),
            models.CheckConstraint(
                condition=Q(letter__regex=r"^[a-z]{1,2}$"), name="area_letter_form"
            ),
        ]

    def __str__(self):
        return f"{self.letter}) {self.title}"


class DeadlineExtension(models.Model):
    """More time for one State, granted by the secretariat."""

    call = models.ForeignKey(
        CallForTopics, models.CASCADE, related_name="extensions", verbose_name=_("call for topics")
    )
    state = models.ForeignKey(
        MemberState, models.PROTECT, related_name="extensions", verbose_name=_("State")
    )
    until = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("granted by")
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "state__short_name"]
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        constraints = [
            models.UniqueConstraint(fields=["call", "state"], name="one_extension_per_state"),
        ]

    def __str__(self):
        return f"{self.call} · {self.state}"

    def clean(self):
        super().clean()
        if self.call_id:
            validate_deadline(self.until, self.call.zone, field="until")


class TopicProposal(models.Model):
    """A topic a State proposes, written in one of the six languages."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        WITHDRAWN = "withdrawn", _("withdrawn")

    TITLE_MAX = 200
    TEXT_MAX = 4000

    call = models.ForeignKey(
        CallForTopics, models.PROTECT, related_name="proposals", verbose_name=_("call for topics")
    )
    state = models.ForeignKey(
        MemberState, models.PROTECT, related_name="proposals", verbose_name=_("State")
    )
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("The State's own sequence in this call: 1, 2, 3…")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    # TextField's max_length only sizes form widgets; the validator holds it everywhere.
    description = models.TextField(
        _("description"), max_length=TEXT_MAX, validators=[MaxLengthValidator(TEXT_MAX)]
    )
    rationale = models.TextField(
        _("rationale"), max_length=TEXT_MAX, blank=True, validators=[MaxLengthValidator(TEXT_MAX)]
    )
    area = models.ForeignKey(
        SuggestedArea,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("suggested area"),
        help_text=_("Empty for another topic."),
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    status = models.CharField(
        pgettext_lazy("stage of a piece of work", "status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        editable=False,
    )
    candidate = models.ForeignKey(
        "CandidateTopic",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        editable=False,
        verbose_name=_("candidate topic"),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # The form's one-time token: the same form posted twice creates one proposal, not two.
    form_token = models.UUIDField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    # Who submitted the current version, in which language: a worker writes their receipt.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("submitted by"),
    )
    receipt_language = models.CharField(
        _("language of the receipt"),
        max_length=7,
        choices=settings.LANGUAGES,
        blank=True,
        editable=False,
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "state__short_name", "number"]
        verbose_name = _("topic proposal")
        verbose_name_plural = _("topic proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "state", "number"], name="proposal_number_unique"
            ),
            # A form says something only to the State and call it was made for.
            models.UniqueConstraint(
                fields=["call", "state", "form_token"], name="proposal_form_token_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="proposal_number_positive"),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=False) | ~Q(status="submitted"),
                name="proposal_submitted_has_time",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        """ "CU 2009/92 (A)/FRA/2"."""
        return f"{self.call.reference}/{self.state.iso3}/{self.number}"


class CandidateTopic(models.Model):
    """Submitted proposals grouped for the Bureau: one per suggested area that received
    proposals and one per "other" proposal when the call closes, then merged, split, renamed
    and reordered by hand. The selected ones carry their rank, 1..N."""

    TITLE_MAX = 300

    call = models.ForeignKey(
        CallForTopics, models.CASCADE, related_name="candidates", verbose_name=_("call for topics")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    # The area it was made for, where new proposals in that area join it.
    area = models.ForeignKey(
        SuggestedArea,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidates",
        editable=False,
        verbose_name=_("suggested area"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    selection_rank = models.PositiveSmallIntegerField(
        _("rank in the selection"), null=True, blank=True, editable=False
    )
    # The call's number of topics, copied when the candidate is made, so that the database
    # itself holds "at most N selected" (with the unique rank per call).
    selection_limit = models.PositiveSmallIntegerField(editable=False)
    agenda_item = models.OneToOneField(
        "meetings.AgendaItem",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidate_topic",
        editable=False,
        verbose_name=_("agenda item"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["call", "position", "pk"]
        verbose_name = _("candidate topic")
        verbose_name_plural = _("candidate topics")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "selection_rank"], name="selection_rank_unique"
            ),
            models.CheckConstraint(
                condition=Q(selection_rank__isnull=True)
                | Q(selection_rank__gte=1, selection_rank__lte=models.F("selection_limit")),
                name="selection_rank_in_range",
            ),
        ]

    def __str__(self):
        return self.title


class Assessment(models.Model):
    """A Bureau member's view of a candidate topic."""

    class Support(models.IntegerChoices):
        NONE = 1, _("do not support")
        SOME = 2, _("could support")
        SUPPORT = 3, _("support")
        STRONG = 4, _("support strongly")

    COMMENT_MAX = 2000

    candidate = models.ForeignKey(
        CandidateTopic,
        models.CASCADE,
        related_name="assessments",
        verbose_name=_("candidate topic"),
    )
    member = models.ForeignKey(
        "meetings.BureauMember",
        models.CASCADE,
        related_name="assessments",
        verbose_name=_("Bureau member"),
    )
    support = models.PositiveSmallIntegerField(_("support"), choices=Support)
    comment = models.TextField(
        _("comment"),
        max_length=COMMENT_MAX,
        blank=True,
        validators=[MaxLengthValidator(COMMENT_MAX)],
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["candidate", "member"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "member"], name="one_assessment_each"),
            models.CheckConstraint(
                condition=Q(support__gte=1, support__lte=4), name="assessment_support_range"
            ),
        ]

    def __str__(self):
        return f"{self.member} · {self.candidate}"


class SelectionReopening(models.Model):
    """A finalized selection opened again: who, when and why."""

    call = models.ForeignKey(
        CallForTopics, models.CASCADE, related_name="reopenings", verbose_name=_("call for topics")
    )
    reason = models.TextField(_("reason"), max_length=1000)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("reopened by")
    )
    at = models.DateTimeField(_("reopened"), auto_now_add=True)

    class Meta:
        ordering = ["call", "at"]
        verbose_name = _("reopening of the selection")
        verbose_name_plural = _("reopenings of the selection")

    def __str__(self):
        return f"{self.call} · {self.at:%Y-%m-%d %H:%M}"


class OutboundMessage(models.Model):
    """Every message the portal sends is recorded here first, then sent at most once."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("invitation to propose topics")
        REMINDER = "reminder", _("reminder")
        RECEIPT = "receipt", _("receipt")
        DIGEST = "digest", _("closing digest")
        OUTCOME = "outcome", _("outcome")
        ACCOUNT = "account", _("account invitation")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        HELD = "held", _("held")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    key = models.CharField(
        _("key"),
        max_length=200,
        unique=True,
        editable=False,
        help_text=_("What makes the message unique: a second identical one cannot be made."),
    )
    recipient = models.EmailField(_("recipient"))
    state = models.ForeignKey(
        MemberState,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("State"),
    )
    call = models.ForeignKey(
        CallForTopics,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("call for topics"),
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(pgettext_lazy("the text of a message", "body"))
    # Documents to attach, rendered when the message is sent: [{"kind", "options", "filename"}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True, editable=False)
    # The account whose link to set a password replaces the body's placeholder when the message
    # is sent: the link is never stored, shown or kept in history.
    password_link_for = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("password link for"),
    )
    status = models.CharField(
        pgettext_lazy("stage of a piece of work", "status"),
        max_length=10,
        choices=Status,
        default=Status.QUEUED,
        editable=False,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0, editable=False)
    # Sending has two steps: claimed by a worker (rendering its documents), then handed to the
    # mail server. A worker that stops before the hand-over leaves a message that can safely be
    # sent again; after it, the message may have gone.
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True, editable=False)
    handed_at = models.DateTimeField(
        _("handed to the mail server"), null=True, blank=True, editable=False
    )
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outbox")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient}"
