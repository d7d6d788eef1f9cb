from django import forms
from django.utils.translation import gettext_lazy as _

from wgportal import style
from wgportal.forms import StyledLabels

from .models import FollowUp, Recommendation


class FollowUpFilter(StyledLabels, forms.Form):
    """The public page's filters, read from the query string: a value that is not one of the
    choices is said back as the field's error and that filter is left off."""

    meeting = forms.ChoiceField(label=_("Meeting"), required=False)
    addressee = forms.ChoiceField(
        label=_("Addressed to"),
        required=False,
        choices=[("", _("Everyone addressed")), *Recommendation.Addressee.choices],
    )
    outcome = forms.ChoiceField(
        label=_("Follow-up"),
        required=False,
        choices=[("", _("Every outcome")), *FollowUp.Outcome.choices],
    )

    def __init__(self, data, meetings):
        super().__init__(data)
        self.meetings = {meeting.slug: meeting for meeting in meetings}
        self.fields["meeting"].choices = [
            ("", _("All meetings")),
            *(
                (meeting.slug, style.date_range(meeting.start_date, meeting.end_date))
                for meeting in meetings
            ),
        ]

    def filters(self):
        """The filters to apply: those given with a valid value."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "meeting": self.meetings.get(data.get("meeting") or ""),
            "addressee": data.get("addressee") or "",
            "outcome": data.get("outcome") or "",
        }
