"""Who may see and change calls and proposals (django-rules predicates and permissions)."""

import rules

from meetings.rules import is_bureau_member, is_secretariat


@rules.predicate
def is_active_delegate(user):
    delegate = getattr(user, "delegate", None)
    return user.is_active and delegate is not None and delegate.is_active


@rules.predicate
def speaks_for_the_state(user, proposal):
    return proposal is not None and user.delegate.state_id == proposal.state_id


owns_proposal = is_active_delegate & speaks_for_the_state

# The call has closed (or been decided): a call, or a proposal or candidate by its call.
CLOSED_STATUSES = ("closed", "decided")


@rules.predicate
def call_has_closed(user, obj):
    call = getattr(obj, "call", obj)
    return call is not None and call.status in CLOSED_STATUSES


# The Bureau reads the States' proposals once the call closes, so that none weighs them while
# States still write; the secretariat always.
reads_proposals = is_secretariat | (is_bureau_member & call_has_closed)

rules.add_perm("submissions.view_topicproposal", owns_proposal | reads_proposals)
rules.add_perm("submissions.read_proposals", reads_proposals)
rules.add_perm("submissions.change_topicproposal", owns_proposal)


@rules.predicate
def is_bureau_president(user):
    return user.is_active and user.bureau_memberships.filter(role="president").exists()


# The review after the deadline: the Bureau and the secretariat read and organize the
# candidate topics; each Bureau member assesses, as themselves only; the President (or the
# secretariat recording the Bureau's decision) selects. The names are not Django's model
# permissions, which the secretariat's group holds for the admin.
rules.add_perm("submissions.review_call", is_secretariat | is_bureau_member)
rules.add_perm("submissions.assess_topics", is_bureau_member)
rules.add_perm("submissions.select_topics", is_secretariat | is_bureau_president)
