from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .citations import cite

label_validator = RegexValidator(
    r"^[a-z]{1,5}$",
    _("Use the paragraph's letter or roman numeral in lower case, such as “o” or “iv”."),
)


class ConferenceSession(models.Model):
    """A session of the Conference of the Parties, where decisions are adopted."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    venue = models.CharField(_("venue"), max_length=200)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("session of the Conference")
        verbose_name_plural = _("sessions of the Conference")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="session_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title


class Decision(models.Model):
    class Kind(models.TextChoices):
        DECISION = "decision", _("decision")
        RESOLUTION = "resolution", _("resolution")

    session = models.ForeignKey(
        ConferenceSession, models.PROTECT, related_name="decisions", verbose_name=_("session")
    )
    index = models.PositiveSmallIntegerField(
        _("index"), help_text=_("The number after the slash: 4 in decision 4/4.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.DECISION)
    title = models.CharField(_("title"), max_length=300)
    preamble = models.TextField(_("preamble"), blank=True)

    class Meta:
        ordering = ["session__number", "index"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["session", "index"], name="decision_number_unique"),
            models.CheckConstraint(condition=Q(index__gte=1), name="decision_index_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self):
        return reverse("decisions:detail", args=[self.session.number, self.index])

    @property
    def number(self):
        return f"{self.session.number}/{self.index}"

    def citation(self):
        return cite(self)


class Paragraph(models.Model):
    """An operative paragraph, lettered a), b)…; sub-paragraphs i), ii)… hang from a parent."""

    decision = models.ForeignKey(
        Decision, models.CASCADE, related_name="paragraphs", verbose_name=_("decision")
    )
    parent = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="subparagraphs",
        verbose_name=_("parent paragraph"),
    )
    label = models.CharField(_("label"), max_length=5, validators=[label_validator])
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["decision", "position"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = [
            # Labels are unique among siblings; NULL parents need their own constraint.
            models.UniqueConstraint(
                fields=["decision", "label"],
                condition=Q(parent__isnull=True),
                name="paragraph_label_unique_top",
            ),
            models.UniqueConstraint(
                fields=["parent", "label"],
                condition=Q(parent__isnull=False),
                name="paragraph_label_unique_nested",
            ),
            models.CheckConstraint(
                condition=Q(label__regex=r"^[a-z]{1,5}$"), name="paragraph_label_form"
            ),
        ]

    def __str__(self):
        return self.citation()

    def get_absolute_url(self):
        return f"{self.decision.get_absolute_url()}#{self.anchor}"

    def clean(self):
        """Sub-paragraphs hang from a top paragraph of the same decision: (o) (i), no deeper."""
        parent = self.parent
        if parent is None:
            return
        if parent.pk == self.pk or parent.decision_id != self.decision_id:
            raise ValidationError(
                {"parent": _("Choose a paragraph of the same decision, other than this one.")}
            )
        if parent.parent_id:
            raise ValidationError(
                {"parent": _("Sub-paragraphs go one level deep: choose a lettered paragraph.")}
            )

    @property
    def labels(self):
        """The path of labels from the top paragraph: ["o", "i"]."""
        return [*self.parent.labels, self.label] if self.parent_id else [self.label]

    @property
    def level(self):
        """1 for a lettered paragraph, 2 for a sub-paragraph: they are labelled differently."""
        return 2 if self.parent_id else 1

    @property
    def anchor(self):
        return "para-" + "-".join(self.labels)

    def citation(self):
        return cite(self.decision, self.labels)


class Footnote(models.Model):
    decision = models.ForeignKey(
        Decision, models.CASCADE, related_name="footnotes", verbose_name=_("decision")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["decision", "number"]
        verbose_name = _("footnote")
        verbose_name_plural = _("footnotes")
        constraints = [
            models.UniqueConstraint(fields=["decision", "number"], name="footnote_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="footnote_number_positive"),
        ]

    def __str__(self):
        return f"{self.decision} ({self.number})"
