import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

from decisions.models import Paragraph
from wgportal import style
from wgportal.i18n import LANGUAGE_LETTERS

from .validators import validate_language_codes, validate_symbol, validate_time_zone

LANGUAGE_CHOICES = settings.LANGUAGES


class Body(models.Model):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("conference")
        BUREAU = "bureau", _("bureau")
        WORKING_GROUP = "working_group", _("working group")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=150)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="subsidiary_bodies",
        verbose_name=_("parent body"),
    )
    established_by = models.ForeignKey(
        Paragraph,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="established_bodies",
        verbose_name=_("established by"),
    )
    functions = models.ManyToManyField(
        Paragraph,
        blank=True,
        related_name="bodies_with_function",
        verbose_name=_("functions"),
        help_text=_("The paragraphs that set out the body's functions."),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = pgettext_lazy("an organ, such as the Bureau", "body")
        verbose_name_plural = _("bodies")

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("meetings:body", args=[self.slug])


class MemberState(models.Model):
    """A State Member of the United Nations, or a non-member observer State.

    Names come from United Nations terminology through a generated fixture; see README.
    """

    class Status(models.TextChoices):
        MEMBER = "member", _("Member State")
        OBSERVER = "observer", _("non-member observer State")

    class Region(models.TextChoices):
        AFRICA = "africa", _("Africa")
        AMERICAS = "americas", _("Americas")
        ASIA = "asia", _("Asia")
        EUROPE = "europe", _("Europe")
        OCEANIA = "oceania", _("Oceania")

    iso3 = models.CharField(_("ISO code"), max_length=3, unique=True)
    m49 = models.PositiveSmallIntegerField(_("M49 code"), unique=True)
    short_name = models.CharField(_("short name"), max_length=150)
    formal_name = models.CharField(
        _("formal name (English)"),
        max_length=200,
        help_text=_("UN terminology has the formal name in English only."),
    )
    status = models.CharField(
        pgettext_lazy("a State's capacity", "status"),
        max_length=10,
        choices=Status,
        default=Status.MEMBER,
    )
    region = models.CharField(_("region"), max_length=10, choices=Region)

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("State")
        verbose_name_plural = _("States")
        constraints = [
            models.CheckConstraint(condition=Q(iso3__regex=r"^[A-Z]{3}$"), name="state_iso3_form"),
        ]

    def __str__(self):
        return self.short_name


class PermanentMission(models.Model):
    """The address a note verbale goes to, in the language the mission corresponds in."""

    state = models.OneToOneField(
        MemberState, models.CASCADE, related_name="mission", verbose_name=_("State")
    )
    functional_title = models.CharField(_("functional title"), max_length=300)
    address_line1 = models.CharField(_("address line 1"), max_length=200)
    address_line2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    address_line3 = models.CharField(_("address line 3"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=100)
    correspondence_language = models.CharField(
        _("correspondence language"), max_length=7, choices=LANGUAGE_CHOICES
    )
    email = models.EmailField(_("e-mail"), blank=True)
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("Invented for the demo; not a real address.")
    )

    class Meta:
        ordering = ["state__short_name"]
        verbose_name = _("permanent mission")
        verbose_name_plural = _("permanent missions")

    def __str__(self):
        return self.functional_title


class BureauMember(models.Model):
    class Role(models.TextChoices):
        PRESIDENT = "president", _("President")
        VICE_PRESIDENT = "vice_president", _("Vice-President")
        RAPPORTEUR = "rapporteur", _("Rapporteur")

    body = models.ForeignKey(
        Body,
        models.CASCADE,
        related_name="members",
        limit_choices_to={"kind": Body.Kind.BUREAU},
        verbose_name=_("bureau"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="bureau_memberships",
        verbose_name=_("user"),
    )
    state = models.ForeignKey(
        MemberState, models.PROTECT, related_name="bureau_members", verbose_name=_("State")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.VICE_PRESIDENT)

    class Meta:
        ordering = ["body", "role", "state__short_name"]
        verbose_name = _("Bureau member")
        verbose_name_plural = _("Bureau members")
        constraints = [
            models.UniqueConstraint(fields=["body", "user"], name="bureau_member_once"),
            models.UniqueConstraint(fields=["body", "state"], name="bureau_state_once"),
            models.UniqueConstraint(
                fields=["body"], condition=Q(role="president"), name="bureau_one_president"
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.user.get_full_name() or self.user} ({self.state})"


class Meeting(models.Model):
    body = models.ForeignKey(
        Body,
        models.PROTECT,
        related_name="meetings",
        verbose_name=pgettext_lazy("an organ, such as the Bureau", "body"),
    )
    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    venue = models.CharField(_("venue"), max_length=200)
    venue_in = models.CharField(
        _("“in” the venue"),
        max_length=200,
        blank=True,
        help_text=_(
            "How a sentence says “in” the venue, in each language: “в Лиме”, “au Caire”. "
            "Leave it blank where the portal knows the form (United Nations duty stations) or "
            "where it is the venue with its preposition."
        ),
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Vienna", validators=[validate_time_zone]
    )
    mandated_by = models.ManyToManyField(
        Paragraph, blank=True, related_name="mandated_meetings", verbose_name=_("mandated by")
    )

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.slug])

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def place_in(self, language):
        """'in Vienna', 'в Вене', 'au Caire' in ``language``: the form entered in that
        language, else the style layer's. Another language's form never stands in for it."""
        entered = getattr(self, build_localized_fieldname("venue_in", language), "")
        with override(language):
            return entered or style.place_in(self.venue, language)

    @property
    def is_past(self):
        return self.end_date < timezone.localdate(timezone=self.zone)


class Document(models.Model):
    """An entry of the document register: a United Nations symbol, its title, and the file of
    each language it is issued in (``versions``). It is public once issued and complete: the
    register sets ``released_at`` when both hold (see ``meetings.register``)."""

    class Distribution(models.TextChoices):
        GENERAL = "general", _("General")
        LIMITED = "limited", _("Limited")
        RESTRICTED = "restricted", _("Restricted")

    class Category(models.TextChoices):
        # In the order a meeting's documents page lists them.
        AGENDA = "agenda", _("agenda")
        WORKING = "working", _("working document")
        CONFERENCE_ROOM_PAPER = "crp", _("conference room paper")
        INFORMATION = "information", _("information document")

    symbol = models.CharField(_("symbol"), max_length=80, unique=True, validators=[validate_symbol])
    title = models.TextField(_("title"))
    category = models.CharField(
        _("category"), max_length=12, choices=Category, default=Category.WORKING
    )
    distribution = models.CharField(
        _("distribution"), max_length=10, choices=Distribution, default=Distribution.GENERAL
    )
    issue_date = models.DateField(_("date of issue"), null=True, blank=True)
    original_language = models.CharField(
        _("original language"), max_length=7, choices=LANGUAGE_CHOICES, default="en"
    )
    languages = models.JSONField(
        _("languages of issue"),
        default=list,
        blank=True,
        validators=[validate_language_codes],
        help_text=_(
            "The languages the document is issued in, each with its file: the six, or a "
            "conference room paper's original language only. Left empty, the register fills "
            "it so."
        ),
    )
    not_edited = models.BooleanField(
        _("not edited"), default=False, help_text=_("Issued without formal editing.")
    )
    meeting = models.ForeignKey(
        Meeting,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("issued for meeting"),
    )
    # A document the portal writes itself (an agenda, a report) names the kind of
    # ``wgportal.pdf`` that renders it; its versions are rendered, never uploaded.
    rendered_kind = models.CharField(
        _("rendered by the portal as"), max_length=40, blank=True, editable=False
    )
    issued_at = models.DateTimeField(
        _("issued"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the secretariat issued it."),
    )
    released_at = models.DateTimeField(
        _("public since"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Once issued, the public sees it when every language has its file."),
    )

    class Meta:
        ordering = ["symbol"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=Q(released_at__isnull=True) | Q(issued_at__isnull=False),
                name="document_released_once_issued",
            ),
        ]

    def __str__(self):
        return self.symbol

    def get_absolute_url(self):
        return reverse("meetings:document", args=[self.symbol])

    @property
    def file_stem(self):
        """The symbol as a file name: CTOC/COP/WG.4/2009/1 -> CTOC-COP-WG.4-2009-1."""
        return self.symbol.replace("/", "-")

    def default_languages(self):
        if self.category == self.Category.CONFERENCE_ROOM_PAPER:
            return [self.original_language]
        return [code for code, _name in settings.LANGUAGES]

    def clean(self):
        if not self.languages:
            self.languages = self.default_languages()

    @property
    def is_public(self):
        return self.released_at is not None


def version_path(version, filename):
    """Where a version's file is stored: under its symbol, named by language and content, so
    that a replacement never overwrites the file that history keeps."""
    extension = filename.rpartition(".")[2]
    letter = LANGUAGE_LETTERS[version.language]
    return f"documents/{version.document.file_stem}/{letter}-{version.sha256[:16]}.{extension}"


class DocumentVersion(models.Model):
    """A document in one language: its file, checked when stored, with what the register shows
    of it. Replacing the file keeps the former one in the version's history."""

    class Source(models.TextChoices):
        UPLOADED = "uploaded", _("uploaded")
        RENDERED = "rendered", _("rendered by the portal")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        WORD = "docx", "Word"

    document = models.ForeignKey(
        Document, models.PROTECT, related_name="versions", verbose_name=_("document")
    )
    language = models.CharField(_("language"), max_length=7, choices=LANGUAGE_CHOICES)
    file = models.FileField(_("file"), upload_to=version_path, max_length=255)
    format = models.CharField(_("format"), max_length=4, choices=Format)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64)
    issue_date = models.DateField(_("date of issue"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=8, choices=Source, default=Source.UPLOADED)
    original_name = models.CharField(_("file name as uploaded"), max_length=255, blank=True)
    stored_at = models.DateTimeField(_("stored"), default=timezone.now)
    stored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stored by"),
    )

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "language"], name="version_once"),
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="version_sha256_form"
            ),
        ]

    def __str__(self):
        return f"{self.document.symbol} ({self.language})"

    def get_absolute_url(self):
        return reverse("meetings:version", args=[self.document.symbol, self.filename])

    @property
    def letter(self):
        """The United Nations' letter of the language: A, C, E, F, R, S."""
        return LANGUAGE_LETTERS[self.language]

    @property
    def filename(self):
        """The name a reader's copy is saved under: CTOC-COP-WG.4-2009-1-A.pdf."""
        return f"{self.document.file_stem}-{self.letter}.{self.format}"

    @property
    def content_type(self):
        return CONTENT_TYPES[self.format]


CONTENT_TYPES = {
    DocumentVersion.Format.PDF: "application/pdf",
    DocumentVersion.Format.WORD: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
}


class ProvisionalAgenda(models.Model):
    meeting = models.OneToOneField(
        Meeting, models.CASCADE, related_name="agenda", verbose_name=_("meeting")
    )
    document = models.OneToOneField(
        Document,
        models.PROTECT,
        related_name="agenda",
        verbose_name=_("document"),
        help_text=_("The document that issues the agenda: its symbol, date and languages."),
    )
    issued_at = models.DateTimeField(
        _("issued"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Until it is issued, only the secretariat and the Bureau see the agenda."),
    )

    class Meta:
        verbose_name = _("provisional agenda")
        verbose_name_plural = _("provisional agendas")

    def __str__(self):
        return f"{self.document.symbol}: {self.meeting}"


class AgendaItem(models.Model):
    agenda = models.ForeignKey(
        ProvisionalAgenda, models.CASCADE, related_name="items", verbose_name=_("agenda")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    sub_letter = models.CharField(
        _("sub-item letter"), max_length=1, blank=True, help_text=_("a, b… for a sub-item.")
    )
    title = models.TextField(_("title"))
    annotation_heading = models.TextField(
        _("heading in the annotations"),
        blank=True,
        help_text=_("Only where the annotations head the item differently from its title."),
    )
    annotation = models.TextField(_("annotation"), blank=True)
    documentation = models.ManyToManyField(
        Document,
        through="DocumentationEntry",
        blank=True,
        related_name="agenda_items",
        verbose_name=_("documentation"),
    )

    class Meta:
        ordering = ["agenda", "number", "sub_letter"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "number", "sub_letter"], name="agenda_item_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="agenda_item_number_positive"),
            models.CheckConstraint(
                condition=Q(sub_letter__regex=r"^[a-z]?$"), name="agenda_item_letter_form"
            ),
        ]

    def __str__(self):
        return f"{self.label} {self.title}"

    @property
    def label(self):
        return f"{self.number} {self.sub_letter})" if self.sub_letter else str(self.number)

    @property
    def heading(self):
        return self.annotation_heading or self.title


class DocumentationEntry(models.Model):
    """A document in an agenda item's documentation list, in the order the agenda gives."""

    item = models.ForeignKey(AgendaItem, models.CASCADE, related_name="documentation_entries")
    document = models.ForeignKey(Document, models.PROTECT, related_name="documentation_entries")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["item", "position"]
        verbose_name = _("documentation entry")
        verbose_name_plural = _("documentation")
        constraints = [
            models.UniqueConstraint(fields=["item", "document"], name="documentation_once"),
        ]

    def __str__(self):
        return str(self.document)


class WorkSlot(models.Model):
    """A row of the proposed organization of work."""

    agenda = models.ForeignKey(
        ProvisionalAgenda, models.CASCADE, related_name="work_slots", verbose_name=_("agenda")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"))
    item = models.ForeignKey(
        AgendaItem, models.CASCADE, related_name="work_slots", verbose_name=_("agenda item")
    )
    description = models.TextField(
        _("title or description"), blank=True, help_text=_("Leave blank to show the item's title.")
    )
    continued = models.BooleanField(_("continued"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["agenda", "date", "start_time", "position"]
        verbose_name = _("work slot")
        verbose_name_plural = _("organization of work")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="work_slot_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.start_time}–{self.end_time} {self.item.label}"

    @property
    def text(self):
        return self.description or self.item.title
