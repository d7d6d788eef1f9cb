from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meetings.models import MemberState
from wgportal.http import pdf_response
from wgportal.i18n import date_time_long
from wgportal.spreadsheet import Writer

from .. import receipts, selectors, services
from ..forms import ProposalForm
from ..rules import is_active_delegate, is_bureau_member, is_secretariat


@login_required
def home(request):
    """The delegate's State page, or the calls for the Bureau and the secretariat."""
    user = request.user
    if is_active_delegate(user):
        state = user.delegate.state
        calls = [
            _state_call(call, state)
            for call in selectors.visible_calls().select_related("meeting__agenda")
        ]
        return render(
            request,
            "submissions/state.html",
            {"state": state, "calls": calls, "now": timezone.now()},
        )
    if is_secretariat(user) or is_bureau_member(user):
        calls = selectors.visible_calls().select_related("meeting")
        return render(request, "submissions/calls.html", {"calls": calls})
    raise PermissionDenied


def _state_call(call, state):
    """A call on the State's page: its proposals, the State's deadline, how many it submitted
    and why it may propose no other (None while it may)."""
    proposals = selectors.state_proposals(call, state)
    deadline = services.deadline_for(call, state)
    submitted = sum(p.status == p.Status.SUBMITTED for p in proposals)
    refusal = services.submission_refusal(call, state, deadline=deadline, submitted=submitted)
    return call, proposals, deadline, submitted, refusal


def _call_for_delegate(request, call_pk):
    if not is_active_delegate(request.user):
        raise PermissionDenied
    call = selectors.call_for_proposal_form(call_pk)
    if call is None:
        raise Http404
    return call


def ensure_proposals_readable(user, call):
    """The Bureau reads the proposals once the call has closed; before, a page says so."""
    if not user.has_perm("submissions.read_proposals", call):
        raise PermissionDenied(
            _(
                "The Bureau reads the States' proposals once the call for topics has closed "
                "(its deadline: %(deadline)s)."
            )
            % {"deadline": date_time_long(call.deadline, call.zone)}
        )


def _proposal(request, pk):
    """A proposal the user may see; another State's answers 404, as if it did not exist."""
    return get_object_or_404(selectors.proposals_visible_to(request.user), pk=pk)


def _apply(form, action):
    """Run a service with the form's data; its refusals become the form's errors. Where
    someone changed the proposal meanwhile, the form keeps what was typed, shows the stored
    version beside it, and takes that version as seen: saving again keeps the typed text."""
    try:
        return action()
    except services.ChangedMeanwhile as error:
        stored = form.stored = error.proposal
        form.data = form.data.copy()
        form.data["version"] = stored.version
        form.add_error(
            None,
            _(
                "Someone else of your delegation changed this proposal at %(time)s while you "
                "were editing it. Nothing of yours was saved yet: their version is shown below "
                "your text. Save again to replace it with yours, or leave this page to keep "
                "theirs."
            )
            % {"time": date_time_long(stored.updated_at, stored.call.zone)},
        )
        return None
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None


def _closed(request, call, proposal=None, reason=None):
    """After the deadline, at the call's limit or for a withdrawn proposal there is no form,
    only the reason."""
    return render(
        request,
        "submissions/closed.html",
        {
            "call": call,
            "proposal": proposal,
            "reason": reason,
            "deadline": services.deadline_for(call, request.user.delegate.state_id),
            "now": timezone.now(),
        },
    )


@login_required
def proposal_new(request, call_pk):
    call = _call_for_delegate(request, call_pk)
    if request.method == "GET":
        refusal = services.new_proposal_refusal(call, request.user.delegate.state_id)
        if refusal:
            return _closed(request, call, reason=refusal)
    return _proposal_form(request, call)


def _changeable(request, pk):
    proposal = _proposal(request, pk)
    if not request.user.has_perm("submissions.change_topicproposal", proposal):
        raise PermissionDenied
    return proposal


def _settled(proposal):
    """Whether the proposal can no longer change: withdrawn, or the State's time is up."""
    return proposal.status == proposal.Status.WITHDRAWN or not services.accepts_from(
        proposal.call, proposal.state
    )


@login_required
def proposal_edit(request, pk):
    proposal = _changeable(request, pk)
    if request.method == "GET" and _settled(proposal):
        return _closed(request, proposal.call, proposal)
    return _proposal_form(request, proposal.call, proposal)


def _proposal_form(request, call, proposal=None):
    form = ProposalForm(request.POST or None, call=call, proposal=proposal)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        saved = _apply(
            form,
            lambda: services.save_proposal(
                user=request.user,
                call=call,
                data=form.cleaned_data,
                submit=submit,
                proposal=proposal,
                version=form.cleaned_data["version"],
                form_token=form.cleaned_data["form_token"],
            ),
        )
        if saved:
            changed = proposal is None or saved.version != form.cleaned_data["version"]
            resubmitted = proposal is not None and proposal.status == proposal.Status.SUBMITTED
            return _after_save(request, saved, changed=changed, resubmitted=resubmitted)
    return render(
        request,
        "submissions/proposal_form.html",
        {"form": form, "call": call, "proposal": proposal},
    )


def _after_save(request, proposal, changed=True, resubmitted=False):
    if not changed:
        messages.info(request, _("Nothing changed."))
        return redirect("submissions:detail", pk=proposal.pk)
    if proposal.status == proposal.Status.SUBMITTED:
        if resubmitted:
            messages.success(
                request, _("Your changes are submitted; a new receipt replaces the earlier one.")
            )
        return redirect("submissions:receipt", pk=proposal.pk)
    messages.success(request, _("Draft saved. It is not submitted yet."))
    return redirect("submissions:detail", pk=proposal.pk)


@login_required
def proposal_detail(request, pk):
    proposal = _proposal(request, pk)
    can_change = request.user.has_perm("submissions.change_topicproposal", proposal)
    return render(
        request,
        "submissions/proposal_detail.html",
        {
            "proposal": proposal,
            "can_change": can_change and services.accepts_from(proposal.call, proposal.state),
            "deadline": services.deadline_for(proposal.call, proposal.state),
            "call": proposal.call,
            "now": timezone.now(),
        },
    )


def _act(request, proposal, service, done):
    try:
        version = int(request.POST.get("version", ""))
        proposal = service(user=request.user, proposal=proposal, version=version)
    except ValueError:
        messages.error(request, _("The form was incomplete; reload the page and try again."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if done is None:
            return _after_save(request, proposal)
        messages.success(request, done)
    return redirect("submissions:detail", pk=proposal.pk)


@login_required
@require_POST
def proposal_submit(request, pk):
    return _act(request, _changeable(request, pk), services.submit_proposal, None)


@login_required
def proposal_withdraw(request, pk):
    """What withdrawing does, then (a POST with ``confirm``) the withdrawal; a POST without
    it withdraws nothing and shows the page again."""
    proposal = _changeable(request, pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        return _act(request, proposal, services.withdraw_proposal, _("The proposal is withdrawn."))
    if request.method == "GET" and _settled(proposal):
        return _closed(request, proposal.call, proposal)
    call = proposal.call
    consequences = []
    if proposal.status == proposal.Status.SUBMITTED:
        submitted = selectors.submitted_count(call, proposal.state_id)
        consequences.append(
            _(
                "The Bureau will not consider it, and it no longer counts towards the proposals "
                "your Government may submit (%(submitted)s of %(limit)s now)."
            )
            % {"submitted": submitted, "limit": call.max_proposals_per_state}
        )
    consequences += [
        _(
            "It cannot be undone: a withdrawn proposal cannot be changed or submitted again; "
            "you would make a new one before the deadline."
        ),
        _("No message goes out; the secretariat sees it as withdrawn in the portal."),
    ]
    return render(
        request,
        "submissions/confirm.html",
        {
            "call": call,
            "title": _("Withdraw %(reference)s?") % {"reference": proposal.reference},
            "subject": proposal.title,
            "consequences": consequences,
            "hidden": [("version", proposal.version)],
            "confirm_label": _("Withdraw the proposal"),
            "cancel_url": reverse("submissions:detail", args=[proposal.pk]),
            "refused": request.method == "POST",
        },
    )


@login_required
def receipt(request, pk):
    proposal = _proposal(request, pk)
    if proposal.status != proposal.Status.SUBMITTED:
        raise Http404("Only a submitted proposal has a receipt.")
    return render(request, "submissions/receipt.html", {"proposal": proposal})


@login_required
def receipt_pdf(request, pk):
    proposal = _proposal(request, pk)
    if proposal.status != proposal.Status.SUBMITTED:
        raise Http404("Only a submitted proposal has a receipt.")
    rendered = receipts.receipt_pdf(proposal, request.LANGUAGE_CODE)
    return pdf_response(request, rendered, receipts.filename(proposal, request.LANGUAGE_CODE))


@login_required
def call_proposals(request, call_pk):
    """Every submitted proposal of a call, for the Bureau and the secretariat to read."""
    if not (is_secretariat(request.user) or is_bureau_member(request.user)):
        raise PermissionDenied
    call = get_object_or_404(selectors.visible_calls().select_related("meeting"), pk=call_pk)
    ensure_proposals_readable(request.user, call)
    return render(
        request,
        "submissions/call_proposals.html",
        {"call": call, "groups": selectors.proposal_groups(call)},
    )


@login_required
def overview(request, call_pk):
    """The secretariat's view of a call: who answered, per area and per region."""
    if not is_secretariat(request.user):
        raise PermissionDenied
    call = get_object_or_404(selectors.visible_calls().select_related("meeting"), pk=call_pk)
    region = request.GET.get("region") or None
    if region and region not in MemberState.Region.values:
        region = None
    answered = request.GET.get("answered")
    data = selectors.call_overview(call, region=region)
    states = data["states"]
    if answered == "yes":
        states = [s for s in states if s.submitted]
    elif answered == "no":
        states = [s for s in states if not s.submitted]
    if request.GET.get("format") == "csv":
        return _overview_csv(call, states)
    return render(
        request,
        "submissions/overview.html",
        {
            "call": call,
            "states": states,
            "data": data,
            "regions": MemberState.Region.choices,
            "region": region,
            "answered": answered,
            "count_answered": sum(1 for s in data["states"] if s.submitted),
        },
    )


def _overview_csv(call, states):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = call.reference.replace("/", "-").replace(" ", "_")
    response["Content-Disposition"] = f'attachment; filename="{name}-answers.csv"'
    writer = Writer(response)
    writer.writerow(["iso3", "state", "region", "submitted", "drafts"])
    for state in states:
        writer.writerow([state.iso3, state.short_name, state.region, state.submitted, state.drafts])
    return response
