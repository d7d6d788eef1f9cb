"""Who may see and change calls and proposals (django-rules predicates and permissions)."""

import rules


@rules.predicate
def is_secretariat(user):
    return user.is_active and user.is_staff


@rules.predicate
def is_bureau_member(user):
    return user.is_active and user.bureau_memberships.exists()


@rules.predicate
def is_active_delegate(user):
    delegate = getattr(user, "delegate", None)
    return user.is_active and delegate is not None and delegate.is_active


@rules.predicate
def speaks_for_the_state(user, proposal):
    return proposal is not None and user.delegate.state_id == proposal.state_id


owns_proposal = is_active_delegate & speaks_for_the_state

rules.add_perm("submissions.view_topicproposal", owns_proposal | is_secretariat | is_bureau_member)
rules.add_perm("submissions.change_topicproposal", owns_proposal)
