import zoneinfo

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline

from meetings.models import MemberState
from wgportal.admin import (
    EnteredInZoneMixin,
    HistoryAdmin,
    TranslatedAdmin,
    act_on_each,
    confirm_action,
    confirmed,
    zoned_time,
)
from wgportal.i18n import date_time_long, zone_name

from . import outbox, selectors, services
from .models import (
    Assessment,
    CallForTopics,
    CandidateTopic,
    DeadlineExtension,
    Delegate,
    OutboundMessage,
    SelectionReopening,
    SuggestedArea,
    TopicProposal,
)
from .note_verbale import filename, note_verbale_pdf
from .validators import validate_deadline

DEFAULT_ZONE = CallForTopics._meta.get_field("time_zone").default


def _int_or_none(value):
    return int(value) if value and value.isascii() and value.isdigit() else None


class NewDelegateForm(forms.ModelForm):
    """A delegate as a mission nominates one: a person and the one State they speak for."""

    email = forms.EmailField(label=_("e-mail"))
    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)

    class Meta:
        model = Delegate
        fields = ["state"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        users = get_user_model().objects
        if (
            users.filter(username__iexact=email).exists()
            or users.filter(email__iexact=email).exists()
        ):
            raise ValidationError(
                _("A user with this e-mail address exists already; find them in the list.")
            )
        return email


@admin.register(Delegate)
class DelegateAdmin(HistoryAdmin):
    list_display = ["user", "state", "is_active"]
    list_filter = ["is_active", "state__region"]
    search_fields = ["user__username", "user__last_name", "user__email", "state__short_name"]
    list_select_related = ["user", "state"]
    autocomplete_fields = ["state"]
    actions = ["send_invitations", "deactivate", "activate"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = NewDelegateForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return (
            ["email", "first_name", "last_name", "state"]
            if obj is None
            else ["user", "state", "is_active"]
        )

    def get_readonly_fields(self, request, obj=None):
        return ["user", "state", "is_active"] if obj else []

    def save_model(self, request, obj, form, change):
        """A new delegate gets an account without a password and an invitation to set one."""
        if change:
            return super().save_model(request, obj, form, change)
        delegate = services.create_delegate(
            email=form.cleaned_data["email"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            state=form.cleaned_data["state"],
            by=request.user,
        )
        obj.pk, obj.user = delegate.pk, delegate.user
        self.message_user(
            request,
            _("An invitation to set a password has gone to %(email)s.") % {"email": obj.user.email},
        )

    @admin.action(description=_("Send the invitation again"), permissions=["change"])
    def send_invitations(self, request, queryset):
        delegates = queryset.select_related("user", "state__mission")
        if not confirmed(request):
            count = len(delegates)
            return confirm_action(
                self,
                request,
                delegates,
                action="send_invitations",
                title=_("Send the invitation again?"),
                consequences=[
                    ngettext(
                        "A new e-mail with a link to set a password goes to the selected "
                        "delegate, in the language of their State's mission.",
                        "A new e-mail with a link to set a password goes to each of the "
                        "%(count)s selected delegates, in the language of their State's mission.",
                        count,
                    )
                    % {"count": count},
                    _("An e-mail sent cannot be recalled."),
                ],
                confirm=_("Send the invitations"),
            )
        sent = act_on_each(self, request, delegates, services.invite_delegate, None)
        if sent:
            self.message_user(request, _("Invitations sent: %(count)s.") % {"count": sent})

    @admin.action(
        description=_("Deactivate (their State's proposals stay)"), permissions=["change"]
    )
    def deactivate(self, request, queryset):
        self._set_active(request, queryset, active=False)

    @admin.action(description=_("Activate"), permissions=["change"])
    def activate(self, request, queryset):
        self._set_active(request, queryset, active=True)

    def _set_active(self, request, queryset, *, active):
        def act(delegate):
            services.set_delegate_active(delegate, active=active, by=request.user)

        act_on_each(self, request, queryset.select_related("user"), act, None)


class SuggestedAreaInline(TranslationTabularInline):
    model = SuggestedArea
    extra = 0


class ReopeningInline(admin.TabularInline):
    model = SelectionReopening
    fields = [
        zoned_time(SelectionReopening, "at", lambda reopening: reopening.call.zone),
        "by",
        "reason",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class PreviewForm(forms.Form):
    state = forms.ModelChoiceField(MemberState.objects.all(), label=_("State"))
    language = forms.ChoiceField(choices=settings.LANGUAGES, label=_("Language"))


def _call_zone(call):
    return call.zone


def _zone_named(request, default):
    """The zone a posted form names (its times are read in it), else ``default``."""
    posted = request.POST.get("time_zone", "")
    return zoneinfo.ZoneInfo(posted) if posted in zoneinfo.available_timezones() else default


@admin.register(CallForTopics)
class CallForTopicsAdmin(EnteredInZoneMixin, TranslatedAdmin):
    list_display = [
        "reference",
        "meeting",
        "issue_date",
        zoned_time(CallForTopics, "deadline", _call_zone),
        "status",
        "invitations",
    ]
    list_filter = ["status"]
    search_fields = ["reference", "meeting__title"]
    list_select_related = ["meeting"]
    readonly_fields = [
        "status",
        zoned_time(CallForTopics, "opened_at", _call_zone),
        "invitations",
        zoned_time(CallForTopics, "closed_at", _call_zone),
        "review",
        "bureau_meeting",
        zoned_time(CallForTopics, "decided_at", _call_zone),
        "decided_by",
    ]

    def zone_for(self, request, call):
        default = call.zone if call else zoneinfo.ZoneInfo(DEFAULT_ZONE)
        return _zone_named(request, default)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "deadline" in form.base_fields:
            form.base_fields["deadline"].label = _("deadline (%(zone)s)") % {
                "zone": zone_name(timezone.get_current_timezone())
            }
        return form

    def get_readonly_fields(self, request, obj=None):
        # The Bureau's candidate topics hold the number of topics from the moment it opens.
        opened = obj is not None and obj.status != CallForTopics.Status.DRAFT
        return [*self.readonly_fields, "topics_to_select"] if opened else self.readonly_fields

    @admin.display(description=_("Bureau review"))
    def review(self, call):
        if call.status not in (CallForTopics.Status.CLOSED, CallForTopics.Status.DECIDED):
            return "—"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("submissions:review", args=[call.pk]),
            _("Candidate topics"),
            reverse("submissions:selection", args=[call.pk]),
            _("Selection"),
        )

    @admin.display(description=_("notes verbales"))
    def invitations(self, call):
        """Progress while the workers render and send them."""
        if call.pk is None:
            return "—"
        progress = selectors.invitation_progress(call)
        return _(
            "%(sent)s sent, %(queued)s queued, %(sending)s being rendered and sent, "
            "%(failed)s failed, of %(of)s missions"
        ) % {
            status: progress.get(status, 0)
            for status in ("sent", "queued", "sending", "failed", "of")
        }

    autocomplete_fields = ["meeting"]
    inlines = [SuggestedAreaInline, ReopeningInline]
    actions = ["open_calls", "close_calls"]
    change_form_template = "admin/submissions/callfortopics/change_form.html"

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("<int:pk>/preview/", preview, name="submissions_callfortopics_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk):
        """The note verbale for any State in any language, as the State will receive it."""
        call = get_object_or_404(CallForTopics.objects.select_related("meeting"), pk=pk)
        if not self.has_view_permission(request, call):
            raise PermissionDenied
        form = PreviewForm(request.GET or None)
        if form.is_valid():
            state, language = form.cleaned_data["state"], form.cleaned_data["language"]
            rendered = note_verbale_pdf(call, state, language)
            response = HttpResponse(rendered.content, content_type="application/pdf")
            name = filename(call, state, language)
            response["Content-Disposition"] = f'inline; filename="{name}"'
            return response
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview the note verbale"),
            "call": call,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/submissions/callfortopics/preview.html", context)

    def _transition(self, request, queryset, service, done):
        act_on_each(
            self,
            request,
            queryset,
            lambda call: service(call, by=request.user),
            lambda call: done % {"reference": call.reference},
        )

    @admin.action(description=_("Open the selected calls"), permissions=["change"])
    def open_calls(self, request, queryset):
        if not confirmed(request):
            missions = selectors.missions_count()
            return confirm_action(
                self,
                request,
                queryset,
                action="open_calls",
                title=_("Open the selected calls?"),
                consequences=[
                    *(
                        ngettext(
                            "%(reference)s: the note verbale goes at once to the %(count)s "
                            "permanent mission, in its language of correspondence; delegates "
                            "may propose topics until %(deadline)s.",
                            "%(reference)s: the notes verbales go at once to the %(count)s "
                            "permanent missions, each in its language of correspondence; "
                            "delegates may propose topics until %(deadline)s.",
                            missions,
                        )
                        % {
                            "reference": call.reference,
                            "count": missions,
                            "deadline": date_time_long(call.deadline, call.zone),
                        }
                        for call in queryset
                    ),
                    _(
                        "A note verbale sent cannot be recalled, and an open call cannot go "
                        "back to draft."
                    ),
                ],
                confirm=_("Open and send the notes verbales"),
            )
        self._transition(request, queryset, services.open_call, _("%(reference)s is open."))

    @admin.action(description=_("Close the selected calls"), permissions=["change"])
    def close_calls(self, request, queryset):
        if not confirmed(request):
            return confirm_action(
                self,
                request,
                queryset,
                action="close_calls",
                title=_("Close the selected calls?"),
                consequences=[
                    *(
                        _(
                            "%(reference)s: States can no longer propose or change topics, even "
                            "before the deadline of %(deadline)s, unless they hold an extension."
                        )
                        % {
                            "reference": call.reference,
                            "deadline": date_time_long(call.deadline, call.zone),
                        }
                        for call in queryset
                    ),
                    _(
                        "The proposals become the Bureau's candidate topics. No message goes "
                        "out: the States are not told. A closed call cannot be opened again."
                    ),
                ],
                confirm=_("Close the calls"),
            )
        self._transition(request, queryset, services.close_call, _("%(reference)s is closed."))


class ExtensionForm(forms.ModelForm):
    class Meta:
        model = DeadlineExtension
        fields = ["call", "state", "until", "reason"]

    def clean(self):
        """The service's checks, here so that a refusal shows on the form: a changed extension
        keeps its call, which the form then does not show."""
        data = super().clean()
        call = data.get("call") or (self.instance.call if self.instance.pk else None)
        if call and data.get("until"):
            validate_deadline(data["until"], call.zone, field="until")
            services.validate_extension(call, data["until"])
        return data


def _extension_zone(extension):
    return extension.call.zone


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(EnteredInZoneMixin, HistoryAdmin):
    form = ExtensionForm
    list_display = [
        "call",
        "state",
        zoned_time(DeadlineExtension, "until", _extension_zone),
        "granted_by",
        zoned_time(DeadlineExtension, "granted_at"),
    ]
    list_filter = ["call"]
    search_fields = ["state__short_name", "reason"]
    list_select_related = ["call", "state", "granted_by"]
    autocomplete_fields = ["state"]

    def get_readonly_fields(self, request, obj=None):
        # Another State needs an extension of its own; this one's date can change.
        return ["call", "state"] if obj else []

    def zone_for(self, request, extension):
        """The call's zone: the extension's, or the one the form names."""
        if extension is not None:
            return extension.call.zone
        call = CallForTopics.objects.filter(pk=_int_or_none(request.POST.get("call"))).first()
        return call.zone if call else zoneinfo.ZoneInfo(DEFAULT_ZONE)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "until" in form.base_fields:
            form.base_fields["until"].help_text = _(
                "In the call's time zone (%(zone)s until a call is chosen), a whole minute."
            ) % {"zone": zone_name(timezone.get_current_timezone())}
        return form

    def save_model(self, request, obj, form, change):
        """Through the service, which records who granted it (the form checked the date)."""
        extension = services.grant_extension(
            call=obj.call, state=obj.state, until=obj.until, reason=obj.reason, by=request.user
        )
        obj.pk = extension.pk


@admin.register(TopicProposal)
class TopicProposalAdmin(HistoryAdmin):
    """The secretariat reads proposals; only delegates write them, through the portal."""

    list_display = [
        "__str__",
        "title",
        "state",
        "area",
        "language",
        "status",
        zoned_time(TopicProposal, "submitted_at", lambda proposal: proposal.call.zone),
    ]
    list_filter = ["call", "status", "language", "area", "state__region"]
    search_fields = ["title", "description", "state__short_name"]
    list_select_related = ["call", "state", "area"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutboundMessage)
class OutboundMessageAdmin(HistoryAdmin):
    """The outbox: what the portal sends. Queued and held messages can be edited."""

    list_display = [
        zoned_time(OutboundMessage, "created_at"),
        "kind",
        "recipient",
        "state",
        "language",
        "status",
        "attempts",
    ]
    list_filter = ["status", "kind", "language", "call", "state__region"]
    search_fields = ["recipient", "subject", "state__short_name", "key"]
    list_select_related = ["state"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "kind",
        "key",
        "recipient",
        "state",
        "call",
        "language",
        "attachments",
        "status",
        "attempts",
        "last_error",
        zoned_time(OutboundMessage, "created_at"),
        zoned_time(OutboundMessage, "claimed_at"),
        zoned_time(OutboundMessage, "handed_at"),
        zoned_time(OutboundMessage, "sent_at"),
    ]
    actions = ["hold", "release", "retry"]

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        editable = obj is not None and obj.status in {obj.Status.QUEUED, obj.Status.HELD}
        return self.readonly_fields if editable else [*self.readonly_fields, "subject", "body"]

    def _act(self, request, queryset, service, done):
        try:
            count = service(queryset)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, done % {"count": count})

    @admin.action(description=_("Hold the selected queued messages"), permissions=["change"])
    def hold(self, request, queryset):
        self._act(request, queryset, outbox.hold, _("Held: %(count)s."))

    @admin.action(description=_("Release the selected held messages"), permissions=["change"])
    def release(self, request, queryset):
        self._act(request, queryset, outbox.release, _("Released: %(count)s."))

    @admin.action(description=_("Retry the selected failed messages"), permissions=["change"])
    def retry(self, request, queryset):
        self._act(request, queryset, outbox.retry, _("Queued again: %(count)s."))


class ReviewRecordAdmin(HistoryAdmin):
    """Made and changed on the Bureau's review pages, where the rules hold; read here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CandidateTopic)
class CandidateTopicAdmin(ReviewRecordAdmin):
    list_display = ["title", "call", "position", "selection_rank", "agenda_item"]
    list_filter = ["call"]
    list_select_related = ["call", "agenda_item"]
    search_fields = ["title"]


@admin.register(Assessment)
class AssessmentAdmin(ReviewRecordAdmin):
    list_display = ["candidate", "member", "support", zoned_time(Assessment, "updated_at")]
    list_filter = ["candidate__call", "support"]
    list_select_related = ["candidate", "member__user", "member__state"]
    search_fields = ["candidate__title", "comment"]
