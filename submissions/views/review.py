"""The Bureau's review: the dashboard of candidate topics, a candidate's page, and the
selection. Each view checks who asks, then reads a selector or runs a service; the service
refuses what the rules forbid, and its message is shown."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wgportal.http import pdf_response

from .. import documents, review, selection, selectors
from ..forms import AssessmentForm, FinaliseForm, ReopenForm, TitlesForm
from ..models import CallForTopics, CandidateTopic
from .proposals import ensure_proposals_readable

Status = CallForTopics.Status


def _call(request, call_pk):
    if not request.user.has_perm("submissions.review_call"):
        raise PermissionDenied
    call = get_object_or_404(
        selectors.visible_calls().select_related("meeting__agenda__document", "bureau_meeting"),
        pk=call_pk,
    )
    ensure_proposals_readable(request.user, call)
    return call


def _with_candidate(view):
    """A view of one candidate, called with it; a candidate removed meanwhile (merged by
    another member) is a message on the dashboard, not an error page."""

    @wraps(view)
    def wrapper(request, call_pk, pk):
        call = _call(request, call_pk)
        candidate = call.candidates.select_related("call").filter(pk=pk).first()
        if candidate is None:
            if CandidateTopic.objects.filter(pk=pk).exists():
                raise Http404  # another call's
            messages.error(request, " ".join(review.gone(pk).messages))
            return redirect("submissions:review", call_pk=call_pk)
        return view(request, call_pk, pk, candidate)

    return wrapper


def _abilities(user, call):
    reviewing = call.status == Status.CLOSED
    return {
        "can_organize": reviewing,
        "can_assess": reviewing and user.has_perm("submissions.assess_topics"),
        "can_select": user.has_perm("submissions.select_topics"),
    }


def _order(value):
    """A sort order of the dashboard: a key of SORT_KEYS, "-" first for descending."""
    return value if value and value.lstrip("-") in selectors.SORT_KEYS else "position"


def _row(pk):
    """The id of a candidate's row on the dashboard, and the tag of messages shown there."""
    return f"candidate-{pk}"


def _row_messages(request, candidates):
    """Messages tagged with a candidate's row go to that row, a refusal opening its details;
    the others stay at the top of the page."""
    rows = {_row(candidate.pk): candidate for candidate in candidates}
    for candidate in candidates:
        candidate.messages, candidate.refused = [], False
    top = []
    for message in messages.get_messages(request):
        row = rows.get(message.extra_tags)
        if row is None:
            top.append(message)
        else:
            row.messages.append(message)
            row.refused = row.refused or message.level == messages.ERROR
    return top


@login_required
def dashboard(request, call_pk):
    call = _call(request, call_pk)
    order = _order(request.GET.get("order"))
    candidates = selectors.review_candidates(call, request.user, order)
    abilities = _abilities(request.user, call)
    if abilities["can_assess"]:
        for candidate in candidates:
            candidate.form = AssessmentForm(instance=candidate.mine, prefix=f"c{candidate.pk}")
    top = _row_messages(request, candidates)
    columns = [
        ("position", _("No.")),
        ("title", _("Topic")),
        ("proposals", _("Proposals")),
        ("states", _("States")),
        ("count", _("Assessments")),
        ("mean", _("Mean")),
        ("median", _("Median")),
    ]
    return render(
        request,
        "submissions/review/dashboard.html",
        {
            "call": call,
            "candidates": candidates,
            "order": order,
            "columns": columns,
            "labels": dict(columns),  # the figures' labels where the rows stack
            # In place of the context processor's: the rows' messages are shown at the rows.
            "messages": top,
            **abilities,
        },
    )


@login_required
@_with_candidate
def candidate_detail(request, call_pk, pk, candidate):
    call = candidate.call
    found = selectors.review_candidates(call, request.user, only=pk)
    if not found:
        raise Http404
    candidate = found[0]
    abilities = _abilities(request.user, call)
    return render(
        request,
        "submissions/review/candidate.html",
        {
            "call": call,
            "candidate": candidate,
            "form": AssessmentForm(instance=candidate.mine),
            "titles": TitlesForm(candidate=candidate),
            **abilities,
        },
    )


def _run(request, action, done, row=""):
    """Run a service; its refusal becomes a message on the page the user comes back to, at
    the dashboard's row ``row`` if given."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages), extra_tags=row)
        return False
    if done:
        messages.success(request, done, extra_tags=row)
    return True


def _ids(request, name):
    """The ticked ids; anything else in the list (not a plain number, as "²" or "-1", or out
    of a row id's range) counts as nothing ticked."""
    values = set(request.POST.getlist(name))
    if all(v.isascii() and v.isdigit() and len(v) < 10 for v in values):
        return {int(value) for value in values}
    return set()


def _refuse(request, form, row=""):
    message = " ".join(m for errors in form.errors.values() for m in errors)
    messages.error(request, message, extra_tags=row)


def _back(request, call_pk, pk=None):
    """The candidate's page, or the dashboard once the candidate is gone."""
    if pk and CandidateTopic.objects.filter(pk=pk).exists():
        return redirect("submissions:review_candidate", call_pk=call_pk, pk=pk)
    return redirect("submissions:review", call_pk=call_pk)


def _back_to_row(request, call_pk, pk):
    """The dashboard, in the order the reader had, at the candidate's row."""
    order = _order(request.POST.get("order"))
    query = f"?{urlencode({'order': order})}" if order != "position" else ""
    return redirect(f"{reverse('submissions:review', args=[call_pk])}{query}#{_row(pk)}")


@login_required
@require_POST
@_with_candidate
def assess(request, call_pk, pk, candidate):
    prefix = request.POST.get("prefix") or None  # sent from the dashboard only
    form = AssessmentForm(request.POST, prefix=prefix)
    row = _row(pk) if prefix else ""
    if not form.is_valid():
        _refuse(request, form, row)
    else:
        _run(
            request,
            lambda: review.assess(user=request.user, candidate=candidate, **form.cleaned_data),
            _("Your assessment of “%(title)s” is saved.") % {"title": candidate.title},
            row,
        )
    return _back_to_row(request, call_pk, pk) if prefix else _back(request, call_pk, pk)


@login_required
@require_POST
def merge(request, call_pk):
    call = _call(request, call_pk)
    chosen = list(call.candidates.filter(pk__in=_ids(request, "candidates")))
    _run(
        request,
        lambda: review.merge_candidates(user=request.user, candidates=chosen),
        _(
            "The topics are merged. Assessments of the merged-in topics are dropped; assess "
            "the merged topic again."
        ),
    )
    return _back(request, call_pk)


@login_required
@require_POST
@_with_candidate
def split(request, call_pk, pk, candidate):
    ids = _ids(request, "proposals")
    chosen = list(candidate.proposals.filter(pk__in=ids))
    if len(chosen) != len(ids):
        chosen = []  # a proposal of another topic: the service says what to choose
    _run(
        request,
        lambda: review.split_candidate(user=request.user, candidate=candidate, proposals=chosen),
        _("The chosen proposals form a new topic, placed after this one."),
    )
    return _back(request, call_pk, pk)


@login_required
@require_POST
@_with_candidate
def rename(request, call_pk, pk, candidate):
    form = TitlesForm(request.POST, candidate=candidate)
    if not form.is_valid():
        _refuse(request, form)
    else:
        _run(
            request,
            lambda: review.rename_candidate(
                user=request.user, candidate=candidate, titles=form.cleaned_data
            ),
            _("The titles are saved."),
        )
    return _back(request, call_pk, pk)


@login_required
@require_POST
@_with_candidate
def move(request, call_pk, pk, candidate):
    _run(
        request,
        lambda: review.move_candidate(
            user=request.user,
            candidate=candidate,
            offset=1 if request.POST.get("direction") == "down" else -1,
        ),
        None,
        _row(pk),
    )
    return _back_to_row(request, call_pk, pk)


@login_required
@require_POST
@_with_candidate
def select(request, call_pk, pk, candidate):
    """Into or out of the selection, or one rank up or down in it."""
    action = request.POST.get("action")
    if action in ("up", "down"):
        service, done = (
            lambda **kw: selection.move_in_selection(**kw, offset=1 if action == "down" else -1),
            None,
        )
    elif action == "unselect":
        service, done = selection.unselect_candidate, _("“%(title)s” is out of the selection.")
    else:
        service, done = selection.select_candidate, _("“%(title)s” is selected.")
    to_selection = request.POST.get("next") == "selection"
    _run(
        request,
        lambda: service(user=request.user, candidate=candidate),
        done and done % {"title": candidate.title},
        "" if to_selection else _row(pk),
    )
    if to_selection:
        return redirect("submissions:selection", call_pk=call_pk)
    return _back_to_row(request, call_pk, pk)


@login_required
def selection_page(request, call_pk):
    call = _call(request, call_pk)
    agenda = getattr(call.meeting, "agenda", None)
    return render(
        request,
        "submissions/review/selection.html",
        {
            "call": call,
            "agenda": agenda,
            "selected": selection.selected_candidates(call),
            "finalise": FinaliseForm(agenda=agenda),
            "reopenings": call.reopenings.select_related("by"),
            **_abilities(request.user, call),
        },
    )


def _confirmation(request, call, form, **page):
    """The page saying what a step of the selection does and whom it tells, with its form and
    the button that confirms it; shown again, with nothing done, for a POST without it."""
    return render(
        request,
        "submissions/confirm.html",
        {
            "call": call,
            "form": form,
            "cancel_url": reverse("submissions:selection", args=[call.pk]),
            "refused": request.method == "POST",
            **page,
        },
    )


def _confirmed(request, form):
    return request.method == "POST" and request.POST.get("confirm") == "yes" and form.is_valid()


@login_required
def finalise(request, call_pk):
    """What finalizing does (GET, with the choices of the selection page), then the decision
    (a POST with ``confirm``)."""
    call = _call(request, call_pk)
    if not request.user.has_perm("submissions.select_topics"):
        raise PermissionDenied
    agenda = getattr(call.meeting, "agenda", None)
    form = FinaliseForm(request.POST or request.GET or None, agenda=agenda)
    if _confirmed(request, form):
        placement, anchor = form.cleaned_data["placement"]
        _run(
            request,
            lambda: selection.finalise_selection(
                user=request.user,
                call=call,
                bureau_meeting=form.cleaned_data["bureau_meeting"],
                placement=placement,
                anchor=anchor,
            ),
            _(
                "The selection is final: the topics stand on the provisional agenda and the "
                "States that proposed are told."
            ),
        )
        return redirect("submissions:selection", call_pk=call_pk)
    told = selectors.told_of_outcome(call).count()
    return _confirmation(
        request,
        call,
        form,
        title=_("Finalize the selection?"),
        items=[candidate.title for candidate in selection.selected_candidates(call)],
        consequences=[
            _(
                "These topics go onto the provisional agenda of the meeting, where chosen below, "
                "and the call is decided."
            ),
            ngettext(
                "The proposing State is told at once, by a message to its permanent mission, "
                "which of its proposals were selected.",
                "Each of the %(count)s proposing States is told at once, by a message to its "
                "permanent mission, which of its proposals were selected.",
                told,
            )
            % {"count": told},
            _(
                "A message sent cannot be recalled. Until the agenda is issued the selection can "
                "be reopened, which cancels the messages not yet sent."
            ),
        ],
        confirm_label=_("Finalize and tell the States"),
    )


@login_required
def reopen(request, call_pk):
    """What reopening does (GET), then the reopening (a POST with ``confirm`` and a reason)."""
    call = _call(request, call_pk)
    if not request.user.has_perm("submissions.select_topics"):
        raise PermissionDenied
    form = ReopenForm(request.POST or None)
    if _confirmed(request, form):
        _run(
            request,
            lambda: selection.reopen_selection(
                user=request.user, call=call, reason=form.cleaned_data["reason"]
            ),
            _("The selection is reopened; its topics are off the agenda."),
        )
        return redirect("submissions:selection", call_pk=call_pk)
    sent = selectors.outcomes_sent(call)
    return _confirmation(
        request,
        call,
        form,
        title=_("Reopen the selection?"),
        items=[candidate.title for candidate in selection.selected_candidates(call)],
        consequences=[
            _(
                "These topics come off the provisional agenda and the call goes back to the "
                "Bureau's review; who reopened it and why is recorded."
            ),
            ngettext(
                "The outcome messages not yet sent are cancelled. The %(count)s already sent "
                "to a permanent mission is not recalled, and no one is told of the reopening.",
                "The outcome messages not yet sent are cancelled. The %(count)s already sent "
                "to permanent missions are not recalled, and no one is told of the reopening.",
                sent,
            )
            % {"count": sent},
        ],
        confirm_label=_("Reopen the selection"),
    )


@login_required
def bureau_file(request, call_pk):
    """The Bureau's file: every proposal, grouped as on the dashboard, as PDF."""
    call = _call(request, call_pk)
    rendered = documents.proposals_pdf(call, request.LANGUAGE_CODE)
    return pdf_response(
        request, rendered, documents.proposals_filename(call, request.LANGUAGE_CODE)
    )
