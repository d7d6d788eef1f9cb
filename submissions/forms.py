import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import TopicProposal


class ProposalForm(forms.ModelForm):
    """The delegate's proposal. The limits show in the form; the service holds every rule."""

    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = TopicProposal
        fields = ["title", "description", "rationale", "area", "language"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "rationale": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = call.areas.all()
        self.fields["area"].empty_label = _("Another topic (none of the suggested areas)")
        self.fields["area"].label_from_instance = lambda area: f"{area.letter}) {area.title}"
        self.fields["language"].choices = [("", "—"), *settings.LANGUAGES]
        self.fields["language"].help_text = _("The language the proposal is written in.")
        for name, limit in (
            ("title", TopicProposal.TITLE_MAX),
            ("description", TopicProposal.TEXT_MAX),
            ("rationale", TopicProposal.TEXT_MAX),
        ):
            self.fields[name].widget.attrs["maxlength"] = limit
            self.fields[name].help_text = _("At most %(limit)s characters.") % {"limit": limit}
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4())
            self.initial.setdefault("version", self.instance.version)
