"""The Bureau's review after the deadline: the submitted proposals grouped into candidate
topics, which the Bureau and the secretariat merge, split, rename and reorder, and each Bureau
member's assessment of them. Every change locks the call, so that two reviewers acting at
once take turns, and is refused once the selection is final."""

from collections import defaultdict

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from wgportal.translations import LANGUAGES, localized_values, set_localized_values

from . import locks
from .models import Assessment, CallForTopics, CandidateTopic, TopicProposal

Status = CallForTopics.Status
SUBMITTED = TopicProposal.Status.SUBMITTED


def require(user, permission):
    if not user.has_perm(permission):
        raise PermissionDenied


def locked_for_review(call):
    """The call, locked, while its candidates may change: after the deadline, before the
    selection is final."""
    call = locks.call(call.pk)
    if call.status == Status.DECIDED:
        raise ValidationError(
            _(
                "The Bureau's selection for %(reference)s is final. Reopen the selection first "
                "if it must change."
            )
            % {"reference": call.reference}
        )
    if call.status != Status.CLOSED:
        raise ValidationError(
            _(
                "The call %(reference)s is still open; the proposals are reviewed once its "
                "deadline has passed."
            )
            % {"reference": call.reference}
        )
    return call


def _merged_key(pk):
    return f"review:merged-into:{pk}"


def gone(pk):
    """The refusal for a candidate that another member's merge (or split) removed meanwhile:
    where it went when known, the page as it stands now either way."""
    into = cache.get(_merged_key(pk))
    target = CandidateTopic.objects.filter(pk=into).first() if into else None
    if target is not None:
        return ValidationError(
            _("This topic was merged into “%(title)s” by another member meanwhile.")
            % {"title": target.title}
        )
    return ValidationError(
        _(
            "This topic no longer exists; another member may have merged it meanwhile. The "
            "page shows the topics as they stand now."
        )
    )


def current(call, candidate):
    """The candidate as it stands under the call's lock, or the refusal if it is gone."""
    found = call.candidates.filter(pk=candidate.pk).first()
    if found is None:
        raise gone(candidate.pk)
    return found


def _next_position(call):
    return (call.candidates.aggregate(last=Max("position"))["last"] or 0) + 1


def _new_candidate(call, titles, area=None, position=None):
    candidate = CandidateTopic(
        call=call,
        area=area,
        position=position or _next_position(call),
        selection_limit=call.topics_to_select,
    )
    set_localized_values(candidate, "title", titles)
    candidate.save()
    return candidate


def _titles_of_proposal(proposal):
    """An "other" proposal's title, in the language it was written in; the other languages
    show it until someone translates it."""
    return {proposal.language: proposal.title[: CandidateTopic.TITLE_MAX]}


@transaction.atomic
def prepare_candidates(call):
    """Group every submitted proposal that has no candidate yet: one candidate per suggested
    area, one per "other" proposal. Safe to run again; returns how many proposals it placed.
    A query per candidate made, not per proposal."""
    call = locks.call(call.pk)
    proposals = list(
        call.proposals.filter(status=SUBMITTED, candidate=None)
        .select_related("area")
        .order_by(F("area__letter").asc(nulls_last=True), "state__short_name", "number")
    )
    by_area = {}
    for candidate in call.candidates.exclude(area=None).order_by("-position", "-pk"):
        by_area[candidate.area_id] = candidate  # the first in the list wins
    position = _next_position(call)
    members = defaultdict(list)
    for proposal in proposals:
        candidate = by_area.get(proposal.area_id) if proposal.area_id else None
        if candidate is None:
            candidate = _candidate_of(call, proposal, position)
            position += 1
            if proposal.area_id:
                by_area[proposal.area_id] = candidate
        members[candidate].append(proposal.pk)
    for candidate, pks in members.items():
        TopicProposal.objects.filter(pk__in=pks).update(candidate=candidate)
    return len(proposals)


def _candidate_of(call, proposal, position=None):
    """A new candidate for the proposal: its area's, titled as the area, or its own."""
    if proposal.area_id is None:
        return _new_candidate(call, _titles_of_proposal(proposal), position=position)
    titles = localized_values(proposal.area, "title")
    return _new_candidate(call, titles, area=proposal.area, position=position)


def place_proposal(proposal, regroup=False):
    """A submitted proposal joins the candidate of its area (made when first needed); an
    "other" proposal is a candidate of its own. One already placed stays where the reviewers
    put it unless its area changed (``regroup``); one withdrawn during an extension leaves.
    The call is locked, as for the reviewers' own changes."""
    locks.call(proposal.call_id)
    if proposal.status != SUBMITTED:
        candidate = None
    elif proposal.candidate_id and not regroup:
        return proposal
    else:
        candidate = proposal.area_id and proposal.call.candidates.filter(area=proposal.area).first()
        candidate = candidate or _candidate_of(proposal.call, proposal)
    proposal.candidate = candidate
    TopicProposal.objects.filter(pk=proposal.pk).update(candidate=candidate)
    return proposal


@transaction.atomic
def merge_candidates(*, user, candidates):
    """One candidate from several: the first in order keeps its title and takes the others'
    proposals. The others' assessments go with them (their history keeps them)."""
    require(user, "submissions.review_call")
    if len(candidates) < 2:
        raise ValidationError(_("Choose at least two candidate topics to merge."))
    call = locked_for_review(candidates[0].call)
    if any(candidate.call_id != call.pk for candidate in candidates):
        raise PermissionDenied
    # As they stand now that the call is locked, not as the page showed them.
    candidates = list(
        call.candidates.filter(pk__in=[c.pk for c in candidates]).order_by("position", "pk")
    )
    for candidate in candidates:
        if candidate.selection_rank:
            raise ValidationError(
                _("“%(title)s” is selected: take it out of the selection before merging it.")
                % {"title": candidate.title}
            )
    target, others = candidates[0], candidates[1:]
    others_ids = [c.pk for c in others]
    TopicProposal.objects.filter(candidate_id__in=others_ids).update(candidate=target)
    for assessment in Assessment.objects.filter(candidate_id__in=others_ids):
        assessment.delete()
    # Whoever still has a merged topic's page open is told where it went. Kept before the
    # commit, so that a member waiting on the call's lock finds it; read only once the topic
    # is gone, so a merge rolled back leaves nothing wrong to read.
    cache.set_many({_merged_key(pk): target.pk for pk in others_ids}, 7 * 24 * 3600)
    CandidateTopic.objects.filter(pk__in=others_ids).delete()
    return target


@transaction.atomic
def split_candidate(*, user, candidate, proposals):
    """The chosen proposals leave the candidate for a new one placed right after it."""
    require(user, "submissions.review_call")
    call = locked_for_review(candidate.call)
    candidate = current(call, candidate)
    if candidate.selection_rank:
        raise ValidationError(
            _("“%(title)s” is selected: take it out of the selection before splitting it.")
            % {"title": candidate.title}
        )
    chosen = [p for p in proposals if p.candidate_id == candidate.pk]
    if not chosen or len(chosen) != len(proposals):
        raise ValidationError(_("Choose the proposals of this topic that form the new one."))
    if len(chosen) == candidate.proposals.filter(status=SUBMITTED).count():
        raise ValidationError(
            _("Leave at least one proposal in the topic; rename it if the whole topic changes.")
        )
    areas = {p.area_id for p in chosen}
    area = chosen[0].area if len(areas) == 1 and chosen[0].area_id else None
    titles = localized_values(area, "title") if area else _titles_of_proposal(chosen[0])
    _renumber(call)
    candidate.refresh_from_db()
    call.candidates.filter(position__gt=candidate.position).update(position=F("position") + 1)
    new = _new_candidate(call, titles, position=candidate.position + 1)
    TopicProposal.objects.filter(pk__in=[p.pk for p in chosen]).update(candidate=new)
    return new


def _renumber(call):
    """Positions 1..n in the present order."""
    for position, candidate in enumerate(call.candidates.order_by("position", "pk"), start=1):
        if candidate.position != position:
            CandidateTopic.objects.filter(pk=candidate.pk).update(position=position)


@transaction.atomic
def rename_candidate(*, user, candidate, titles):
    """New titles, per language; an empty one shows another language's until filled."""
    require(user, "submissions.review_call")
    candidate = current(locked_for_review(candidate.call), candidate)
    titles = {code: (titles.get(code) or "").strip() for code in LANGUAGES}
    if not any(titles.values()):
        raise ValidationError(_("Give the topic a title in at least one language."))
    set_localized_values(candidate, "title", titles)
    candidate.full_clean(exclude=["call", "area", "agenda_item"], validate_constraints=False)
    candidate.save(update_fields=[build_localized_fieldname("title", code) for code in LANGUAGES])
    return candidate


@transaction.atomic
def move_candidate(*, user, candidate, offset):
    """One place up (-1) or down (+1) in the list."""
    require(user, "submissions.review_call")
    call = locked_for_review(candidate.call)
    candidate = current(call, candidate)
    _renumber(call)
    ordered = list(call.candidates.order_by("position"))
    index = [c.pk for c in ordered].index(candidate.pk)
    other = index + offset
    if offset not in (-1, 1) or not 0 <= other < len(ordered):
        return candidate
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, each in enumerate(ordered, start=1):
        CandidateTopic.objects.filter(pk=each.pk).update(position=position)
    return candidate


# Assessments.


def bureau_membership(user):
    membership = user.bureau_memberships.first() if user.is_active else None
    if membership is None:
        raise PermissionDenied
    return membership


@transaction.atomic
def assess(*, user, candidate, support, comment=""):
    """The member's own view of a candidate, made or changed until the selection is final."""
    require(user, "submissions.assess_topics")
    member = bureau_membership(user)
    candidate = current(locked_for_review(candidate.call), candidate)
    if support not in Assessment.Support.values:
        raise ValidationError({"support": _("Choose a level of support.")})
    assessment = Assessment.objects.filter(candidate=candidate, member=member).first()
    assessment = assessment or Assessment(candidate=candidate, member=member)
    assessment.support = support
    assessment.comment = (comment or "").strip()
    assessment.full_clean(exclude=["candidate", "member"], validate_constraints=False)
    assessment.save()
    return assessment
