"""Who may see what of meetings (django-rules predicates and permissions)."""

import rules


@rules.predicate
def is_secretariat(user):
    return user.is_active and user.is_staff


@rules.predicate
def is_bureau_member(user):
    return user.is_active and user.bureau_memberships.exists()


@rules.predicate
def is_issued(user, record):
    """A provisional agenda, a report or a note by the Secretariat, once issued."""
    return record is not None and record.issued_at is not None


# A provisional agenda is public once issued; before, the secretariat prepares it and the
# Bureau sees the topics it selected stand on it.
rules.add_perm("meetings.view_provisionalagenda", is_issued | is_secretariat | is_bureau_member)


# The document register: the secretariat stores files, issues documents and sees those not
# public yet; everyone sees a document once it is public.
@rules.predicate
def is_public(user, document):
    return document is not None and document.released_at is not None


rules.add_perm("meetings.store_version", is_secretariat)
rules.add_perm("meetings.issue_document", is_secretariat)
rules.add_perm("meetings.view_document_files", is_public | is_secretariat)
