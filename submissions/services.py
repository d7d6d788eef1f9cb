"""Every state change of calls for topics and proposals, whichever door it comes by: a view,
the admin, a task. Each use case validates and raises ValidationError with a message a person
can act on, or PermissionDenied for a user who may not act at all."""

import uuid

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from wgportal.i18n import date_time_long

from . import locks, outbox, receipts, review
from .enqueue import enqueue
from .models import CallForTopics, DeadlineExtension, Delegate, OutboundMessage, TopicProposal
from .validators import validate_deadline

Status = CallForTopics.Status
ProposalStatus = TopicProposal.Status
TEXT_FIELDS = ("title", "description", "rationale", "area", "language")
User = get_user_model()


# The call's life cycle: draft -> open -> closed -> decided.


@transaction.atomic
def open_call(call, *, by):
    call = locks.call(call.pk)
    if call.status != Status.DRAFT:
        raise ValidationError(
            _("Only a draft call can be opened; %(reference)s is %(status)s.")
            % {"reference": call.reference, "status": call.get_status_display()}
        )
    validate_deadline(call.deadline, call.zone)
    if call.deadline <= timezone.now():
        raise ValidationError(_("The deadline has passed: set a later deadline, then open."))
    if not call.areas.exists():
        raise ValidationError(_("Add the suggested areas before opening the call."))
    call.opened_at = timezone.now()
    call.save(update_fields=["opened_at"])
    call = _set_status(call, Status.OPEN)
    # The invitations go out now rather than at the next minute's scan.
    transaction.on_commit(lambda: enqueue("scan"))
    return call


@transaction.atomic
def close_call(call, *, by):
    call = locks.call(call.pk)
    if call.status != Status.OPEN:
        raise ValidationError(
            _("Only an open call can be closed; %(reference)s is %(status)s.")
            % {"reference": call.reference, "status": call.get_status_display()}
        )
    call.closed_at = timezone.now()
    call.save(update_fields=["closed_at"])
    call = _set_status(call, Status.CLOSED)
    review.prepare_candidates(call)
    return call


def _set_status(call, status):
    call.status = status
    call.save(update_fields=["status"])
    return call


# Deadlines.


def deadline_for(call, state):
    """The call's deadline, or the State's (a MemberState or its pk) extension when it runs
    later."""
    extension = DeadlineExtension.objects.filter(call=call, state=state)
    until = extension.values_list("until", flat=True).order_by().first()  # one at most
    return _extended(call, until)


def _extended(call, until):
    """An extension counts only where it runs past the call's deadline."""
    return max(call.deadline, until) if until else call.deadline


def validate_extension(call, until):
    if until <= call.deadline:
        raise ValidationError(
            {
                "until": _("An extension must end after the deadline (%(deadline)s).")
                % {"deadline": date_time_long(call.deadline, call.zone)}
            }
        )


@transaction.atomic
def grant_extension(*, call, state, until, reason, by):
    if not by.is_staff:
        raise PermissionDenied
    validate_deadline(until, call.zone, field="until")
    validate_extension(call, until)
    extension, _created = DeadlineExtension.objects.update_or_create(
        call=call, state=state, defaults={"until": until, "reason": reason, "granted_by": by}
    )
    return extension


def accepts_from(call, state):
    """Whether the call still takes proposals and changes from the State (or its pk)."""
    try:
        _ensure_accepting(call, state)
    except ValidationError:
        return False
    return True


def _ensure_accepting(call, state, now=None, deadline=None):
    now = now or timezone.now()
    deadline = deadline or deadline_for(call, state)
    # A closed call still takes proposals from a State whose extension runs past its deadline.
    extended = call.status == Status.CLOSED and deadline > call.deadline
    if call.status != Status.OPEN and not extended:
        raise ValidationError(
            _("The call %(reference)s is not open for proposals.") % {"reference": call.reference}
        )
    if now >= deadline:
        raise ValidationError(
            _(
                "The deadline passed on %(deadline)s. Proposals can no longer be made or "
                "changed; ask the secretariat if your Government needs more time."
            )
            % {"deadline": date_time_long(deadline, call.zone)}
        )


# Proposals.


def delegate_state_id(user):
    """The State an active delegate speaks for, by its pk (the user is loaded with their
    delegation, not its State); anyone else may not propose."""
    delegate = getattr(user, "delegate", None)
    if not user.is_active or delegate is None or not delegate.is_active:
        raise PermissionDenied
    return delegate.state_id


def _validate_content(call, data):
    area = data.get("area")
    if area is not None and area.call_id != call.pk:
        raise ValidationError(
            {"area": _("Choose one of the areas this call suggests, or “other”.")}
        )


# Under the State's lock.


def _state_numbers(call, state_id, form_token):
    """The State's last number and its submitted proposals in the call, the proposal this form
    made already if the form came back (nearly always none), and the State's deadline. The call
    takes its status and deadline as they stand now (it may have closed, or its deadline moved,
    since the view read it)."""
    call.refresh_from_db(fields=["status", "deadline"])
    numbers = {
        "last": Max("number"),
        "submitted": Count("pk", filter=Q(status=ProposalStatus.SUBMITTED)),
        "drafts": Count("pk", filter=Q(status=ProposalStatus.DRAFT)),
    }
    if form_token is not None:
        numbers["made"] = Max("pk", filter=Q(form_token=form_token))
    mine = TopicProposal.objects.filter(call=call, state_id=state_id).aggregate(**numbers)
    return {"made": None, **mine, "deadline": deadline_for(call, state_id)}


@transaction.atomic
def save_draft(*, user, call, data, form_token=None, submit=False, version=None):
    """A new proposal for the delegate's State, as a draft or (``submit``) submitted at once.
    The same form posted twice gives one proposal, with the text posted last."""
    state_id = delegate_state_id(user)
    # One writer at a time per State and call: numbers, the limit and the form's token hold
    # under concurrency (a double click waits here, then finds the first click's proposal).
    locks.state(state_id)
    mine = _state_numbers(call, state_id, form_token)
    if mine["made"]:
        # A double click, or Back after saving a draft and the text corrected: the form's
        # proposal takes the form's text (the same text changes nothing), submitted if asked.
        # The form's version tells whether someone else changed the proposal meanwhile.
        done = TopicProposal.objects.get(pk=mine["made"])
        return _change_and_submit(
            user=user,
            proposal=done,
            version=done.version if version is None else version,
            data=data,
            submit=submit,
        )
    _ensure_accepting(call, state_id, deadline=mine["deadline"])
    _validate_content(call, data)
    proposal = TopicProposal(
        call=call,
        state_id=state_id,
        number=(mine["last"] or 0) + 1,
        created_by=user,
        form_token=form_token,
        **{field: data.get(field) for field in TEXT_FIELDS},
    )
    if submit:
        _ensure_below_limit(call, mine["submitted"])
        proposal.status = ProposalStatus.SUBMITTED
        _set_submitted(proposal, user)
    else:
        _ensure_below_draft_limit(call, mine["drafts"])
    _clean(proposal)
    proposal.save()
    if submit:
        receipts.write_after_commit(proposal)
        _place_if_closed(proposal)
    return proposal


def _set_submitted(proposal, user):
    """A submission's time, and who made it in which language: their receipt's."""
    proposal.submitted_at = timezone.now()
    proposal.submitted_by, proposal.receipt_language = user, get_language()


def _ensure_below_limit(call, submitted):
    limit = call.max_proposals_per_state
    if submitted >= limit:
        raise ValidationError(
            ngettext(
                "Your Government has submitted %(submitted)s of %(limit)s proposal, the most "
                "this call accepts; withdraw one to propose another.",
                "Your Government has submitted %(submitted)s of %(limit)s proposals, the most "
                "this call accepts; withdraw one to propose another.",
                limit,
            )
            % {"submitted": submitted, "limit": limit}
        )


def _ensure_below_draft_limit(call, drafts):
    limit = call.max_drafts_per_state
    if drafts >= limit:
        raise ValidationError(
            ngettext(
                "Your Government keeps %(drafts)s draft in this call, the most it allows: "
                "submit or withdraw a draft before starting another.",
                "Your Government keeps %(drafts)s drafts in this call, the most it allows: "
                "submit or withdraw a draft before starting another.",
                drafts,
            )
            % {"drafts": drafts}
        )


def submission_refusal(call, state, *, deadline, submitted, now=None):
    """Why the State (or its pk), with ``submitted`` proposals in the call and its
    ``deadline``, cannot submit another one now, as a sentence to show it; None while it can.
    The State's page and the new proposal's form ask here before offering the form."""
    try:
        _ensure_accepting(call, state, now=now, deadline=deadline)
        _ensure_below_limit(call, submitted)
    except ValidationError as refusal:
        return refusal.messages[0]
    return None


def new_proposal_refusal(call, state_id):
    """The same for the new proposal's form, on the call as the view read it."""
    submitted = call.proposals.filter(state_id=state_id, status=ProposalStatus.SUBMITTED)
    return submission_refusal(
        call, state_id, deadline=deadline_for(call, state_id), submitted=submitted.count()
    )


def _clean(proposal):
    """Field checks with their messages. The database holds the constraints, the numbering
    under the State's lock keeps them, and the use cases set the relations themselves (the
    area checked against the call), so the checks cost no query."""
    proposal.full_clean(
        exclude=["call", "state", "area", "created_by", "submitted_by", "candidate"],
        validate_unique=False,
        validate_constraints=False,
    )


def _locked_for_change(user, proposal, version):
    """The proposal, locked (after its State and, once closed, its call: see locks), after
    checking who asks, when, and that nobody changed it since."""
    state_id = delegate_state_id(user)
    proposal = locks.proposal(proposal.pk)
    if proposal.state_id != state_id:
        raise PermissionDenied
    _ensure_accepting(proposal.call, state_id)
    if proposal.version != version:
        raise ChangedMeanwhile(proposal)
    return proposal


class ChangedMeanwhile(ValidationError):
    """Someone changed the proposal since the form was shown; ``proposal`` is the version
    stored, for the form to show beside what was typed."""

    def __init__(self, proposal):
        super().__init__(
            _(
                "Someone else of your delegation changed this proposal at %(time)s while you "
                "were editing it. Nothing of yours was saved: reload the proposal to see their "
                "changes, then make yours again."
            )
            % {"time": date_time_long(proposal.updated_at, proposal.call.zone)}
        )
        self.proposal = proposal


def _save(proposal, **changes):
    for field, value in changes.items():
        setattr(proposal, field, value)
    proposal.version += 1
    _clean(proposal)
    proposal.save()
    return proposal


@transaction.atomic
def update_proposal(*, user, proposal, version, data):
    """A change to a submitted proposal is a new submission: new time, new receipt. The same
    text again changes nothing."""
    proposal = _locked_for_change(user, proposal, version)
    if proposal.status == ProposalStatus.WITHDRAWN:
        raise ValidationError(_("A withdrawn proposal cannot be changed; make a new one."))
    _validate_content(proposal.call, data)
    changes = {field: data.get(field) for field in TEXT_FIELDS}
    if _unchanged(proposal, changes):
        return proposal  # No new version, submission or receipt for the same text.
    if proposal.status == ProposalStatus.SUBMITTED:
        old_area = proposal.area_id
        _set_submitted(proposal, user)
        proposal = _save(proposal, **changes)
        receipts.write_after_commit(proposal)
        return _place_if_closed(proposal, regroup=proposal.area_id != old_area)
    return _save(proposal, **changes)


def _unchanged(proposal, changes):
    """Whether the form's values are the proposal's own (the area compared by its id, which
    costs no query)."""
    fields = TopicProposal._meta
    return all(
        getattr(proposal, fields.get_field(name).attname) == getattr(value, "pk", value)
        for name, value in changes.items()
    )


def _place_if_closed(proposal, regroup=False):
    """After the call closed, a State with an extension still changes its proposals: they go
    to (or leave) the Bureau's candidate topics at once."""
    if proposal.call.status == Status.CLOSED:
        review.place_proposal(proposal, regroup=regroup)
    return proposal


@transaction.atomic
def submit_proposal(*, user, proposal, version):
    proposal = _locked_for_change(user, proposal, version)
    if proposal.status == ProposalStatus.SUBMITTED:
        return proposal  # Submitting twice changes nothing.
    if proposal.status == ProposalStatus.WITHDRAWN:
        raise ValidationError(_("A withdrawn proposal cannot be submitted; make a new one."))
    submitted = proposal.call.proposals.filter(
        state=proposal.state, status=ProposalStatus.SUBMITTED
    )
    _ensure_below_limit(proposal.call, submitted.count())
    _set_submitted(proposal, user)
    proposal = _save(proposal, status=ProposalStatus.SUBMITTED)
    receipts.write_after_commit(proposal)
    return _place_if_closed(proposal)


def save_proposal(*, user, call, data, submit=False, proposal=None, version=None, form_token=None):
    """The proposal form's use case: a new proposal (a draft, or submitted at once) or a change
    to one, submitted at once if asked; all of it or, on any refusal, none of it."""
    if proposal is None:
        return save_draft(
            user=user, call=call, data=data, form_token=form_token, submit=submit, version=version
        )
    return _change_and_submit(
        user=user, proposal=proposal, version=version, data=data, submit=submit
    )


@transaction.atomic
def _change_and_submit(*, user, proposal, version, data, submit):
    proposal = update_proposal(user=user, proposal=proposal, version=version, data=data)
    if submit and proposal.status == ProposalStatus.DRAFT:
        proposal = submit_proposal(user=user, proposal=proposal, version=proposal.version)
    return proposal


@transaction.atomic
def withdraw_proposal(*, user, proposal, version):
    proposal = _locked_for_change(user, proposal, version)
    if proposal.status == ProposalStatus.WITHDRAWN:
        return proposal
    return _place_if_closed(_save(proposal, status=ProposalStatus.WITHDRAWN))


# Delegates.


@transaction.atomic
def create_delegate(*, email, first_name, last_name, state, by):
    """A user who speaks for one State, with no password until they set one through the
    invitation the portal sends them."""
    if not by.is_staff:
        raise PermissionDenied
    email = email.strip().lower()
    if User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
        raise ValidationError(
            {"email": _("A user with this e-mail address exists already; find them in the list.")}
        )
    user = User(username=email, email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.save()
    delegate = Delegate.objects.create(user=user, state=state)
    invite_delegate(delegate)  # the outbox sends it once this commits
    return delegate


def invite_delegate(delegate):
    """The invitation: a one-time link to set a password, in the mission's language, through
    the outbox, which makes the link when it sends the message. Each invitation is a message of
    its own (sending again is deliberate), and only to a delegate who has not yet chosen a
    password: one who has asks for a new one on the sign-in page."""
    user = delegate.user
    if user.has_usable_password():
        raise ValidationError(
            _(
                "%(user)s has chosen a password already, so no invitation was sent; a "
                "forgotten password is reset from the sign-in page."
            )
            % {"user": user.email or user.username}
        )
    language = _correspondence_language(delegate.state)
    subject, body = outbox.compose(
        "invitation",
        {"user": user, "state": delegate.state, "link": outbox.PASSWORD_LINK},
        language,
    )
    return outbox.record(
        kind=OutboundMessage.Kind.ACCOUNT,
        key=f"account:{user.pk}:{uuid.uuid4()}",
        recipient=user.email,
        language=language,
        subject=subject,
        body=body,
        state=delegate.state,
        password_link_for=user,
    )


@transaction.atomic
def set_delegate_active(delegate, *, active, by):
    """Deactivating takes the delegate's access away; the State's proposals stay."""
    if not by.is_staff:
        raise PermissionDenied
    delegate.is_active = active
    delegate.save(update_fields=["is_active"])
    return delegate


def _correspondence_language(state):
    mission = getattr(state, "mission", None)
    return mission.correspondence_language if mission else "en"
