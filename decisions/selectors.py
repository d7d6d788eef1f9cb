from django.db.models import Prefetch

from .models import Decision, Paragraph


def decision_list():
    return Decision.objects.select_related("session")


def decision_with_paragraphs(session_number, index):
    """The decision, its footnotes, and its paragraphs as a tree (``children`` on each),
    each with what it established or mandated. A fixed number of queries."""
    paragraphs = Paragraph.objects.order_by("position").prefetch_related(
        "established_bodies", "bodies_with_function", "mandated_meetings"
    )
    decision = (
        Decision.objects.select_related("session")
        .prefetch_related(Prefetch("paragraphs", queryset=paragraphs), "footnotes")
        .get(session__number=session_number, index=index)
    )
    decision.top_paragraphs = _tree(decision, decision.paragraphs.all())
    return decision


def _tree(decision, paragraphs):
    by_id = {p.pk: p for p in paragraphs}
    top = []
    for paragraph in paragraphs:
        paragraph.children = []
        paragraph.decision = decision
    for paragraph in paragraphs:
        if paragraph.parent_id:
            parent = by_id[paragraph.parent_id]
            paragraph.parent = parent
            parent.children.append(paragraph)
        else:
            top.append(paragraph)
    return top
