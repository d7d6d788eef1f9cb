import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The fixed set of placeholders a note verbale may use; each is replaced as plain text.
PLACEHOLDERS = (
    "FunctionalTitle",
    "MeetingPlace",
    "MeetingPlaceIn",
    "MeetingDates",
    "SuggestedAreas",
    "Deadline",
    "ReplyAddress",
    "Fax",
    "Email",
)
PLACEHOLDER_RE = re.compile(r"\[\[\[([^\[\]]*)\]\]\]")


def validate_note_text(text):
    unknown = sorted({name for name in PLACEHOLDER_RE.findall(text) if name not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(
            _("Unknown placeholders: %(unknown)s. The note may use only: %(known)s."),
            code="unknown_placeholder",
            params={
                "unknown": ", ".join(f"[[[{name}]]]" for name in unknown),
                "known": ", ".join(f"[[[{name}]]]" for name in PLACEHOLDERS),
            },
        )


def validate_reminder_days(value):
    if not isinstance(value, list) or not all(
        isinstance(days, int) and 1 <= days <= 365 for days in value
    ):
        raise ValidationError(
            _("Give whole numbers of days between 1 and 365, as a list: [14, 3]."),
            code="invalid_reminders",
        )


def validate_deadline(value, zone, field="deadline"):
    """A deadline is a whole minute in its zone, the first at which proposals are refused, and
    never midnight, which people read as the next day: "by 31 July 2009" is 31 July, 23:59."""
    if value is None:
        return
    local = value.astimezone(zone)
    if local.second or local.microsecond:
        raise ValidationError(
            {field: _("A deadline is a whole minute: leave the seconds at 00.")},
            code="deadline_seconds",
        )
    if (local.hour, local.minute) == (0, 0):
        raise ValidationError(
            {field: _("A deadline at 00:00 reads as the next day: enter 23:59 of the day before.")},
            code="deadline_midnight",
        )
