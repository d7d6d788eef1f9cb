import uuid

from django import forms
from django.conf import settings
from django.forms.models import model_to_dict
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from meetings.models import Body, Meeting
from wgportal.forms import StyledLabels
from wgportal.i18n import NATIVE_NAMES, date_long
from wgportal.translations import localized_values

from .models import Assessment, CandidateTopic, TopicProposal


def _at_most(limit):
    return gettext("At most %(limit)s characters.") % {"limit": limit}


# A text field's limit, told in the language of whoever reads it.
at_most = lazy(_at_most, str)


def _text_field(name, **kwargs):
    """A proposal's text field, its limit told with it."""
    field = TopicProposal._meta.get_field(name)
    return field.formfield(help_text=at_most(field.max_length), **kwargs)


class ProposalForm(StyledLabels, forms.Form):
    """The delegate's proposal: the model's fields with their limits shown, checked here for
    what a form can tell (required, lengths, choices, an area of this call); the service holds
    every rule and runs the model's own checks."""

    FIELDS = ["title", "description", "rationale", "area", "language"]
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The model's fields, built once with the class (as a ModelForm's are): each form copies them.
    title = _text_field("title")
    description = _text_field("description", widget=forms.Textarea(attrs={"rows": 8}))
    rationale = _text_field("rationale", widget=forms.Textarea(attrs={"rows": 6}))
    # The call's areas, set by each form: none here, which each form would copy first.
    area = TopicProposal._meta.get_field("area").formfield(
        queryset=None, empty_label=_("Another topic (none of the suggested areas)")
    )
    language = TopicProposal._meta.get_field("language").formfield(
        help_text=_("The language the proposal is written in.")
    )
    language.choices = [("", "—"), *settings.LANGUAGES]

    def __init__(self, data=None, *, call, proposal=None):
        initial = {"form_token": uuid.uuid4(), "version": proposal.version if proposal else 1}
        if proposal is not None:
            initial.update(model_to_dict(proposal, self.FIELDS))
        super().__init__(data, initial=initial)
        self.call = call
        self.fields["area"].queryset = call.areas.all()


class AssessmentForm(StyledLabels, forms.ModelForm):
    """A Bureau member's own view of a candidate topic."""

    class Meta:
        model = Assessment
        fields = ["support", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].widget.attrs["maxlength"] = Assessment.COMMENT_MAX
        self.fields["comment"].help_text = at_most(Assessment.COMMENT_MAX)


class TitlesForm(StyledLabels, forms.Form):
    """A candidate topic's title in each of the six languages."""

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, **kwargs)
        values = localized_values(candidate, "title")
        for code, _name in settings.LANGUAGES:
            self.fields[code] = forms.CharField(
                label=NATIVE_NAMES[code],
                required=False,
                max_length=CandidateTopic.TITLE_MAX,
                initial=values[code],
                widget=forms.TextInput(
                    attrs={"lang": code, "dir": "rtl" if code == "ar" else "ltr", "size": 70}
                ),
            )


class FinaliseForm(StyledLabels, forms.Form):
    """The Bureau's decision: the meeting that took it and where the topics go on the agenda."""

    bureau_meeting = forms.ModelChoiceField(
        label=_("Meeting of the Bureau that selected the topics"),
        queryset=Meeting.objects.filter(body__kind=Body.Kind.BUREAU),
    )
    placement = forms.ChoiceField(label=_("Where the topics go on the provisional agenda"))

    def __init__(self, *args, agenda, **kwargs):
        super().__init__(*args, **kwargs)
        # Bureau meetings share a title: the date tells them apart.
        self.fields["bureau_meeting"].label_from_instance = lambda meeting: (
            f"{meeting.title}, {date_long(meeting.start_date)}"
        )
        top = [item for item in agenda.items.all() if not item.sub_letter] if agenda else []
        self.fields["placement"].choices = [
            *(
                (
                    f"items:{item.number}",
                    _("As items, from item %(number)s on (now “%(title)s”)")
                    % {"number": item.number, "title": item.title},
                )
                for item in top
            ),
            *(
                (
                    f"subitems:{item.number}",
                    _("As sub-items of item %(number)s, “%(title)s”")
                    % {"number": item.number, "title": item.title},
                )
                for item in top
            ),
        ]

        if top:
            # Before the last item, as the closing "adoption of the report" stays last.
            self.fields["placement"].initial = f"items:{top[-1].number}"

    def clean_placement(self):
        placement, anchor = self.cleaned_data["placement"].split(":")
        return placement, int(anchor)


class ReopenForm(StyledLabels, forms.Form):
    reason = forms.CharField(
        label=_("Why the selection is reopened"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
    )
