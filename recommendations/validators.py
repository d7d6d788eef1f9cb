import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PLACEHOLDER_RE = re.compile(r"\[\[\[(\w+)\]\]\]")
# What a note's recitals may say, replaced from the records in each language.
NOTE_PLACEHOLDERS = ("MeetingsHeld", "MeetingDates", "ReportSymbols")


def validate_note_placeholders(text):
    unknown = sorted(set(PLACEHOLDER_RE.findall(text)) - set(NOTE_PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _("Unknown placeholders: %(unknown)s. The note may use only: %(known)s."),
            params={
                "unknown": ", ".join(f"[[[{name}]]]" for name in unknown),
                "known": ", ".join(f"[[[{name}]]]" for name in NOTE_PLACEHOLDERS),
            },
            code="unknown_placeholder",
        )
