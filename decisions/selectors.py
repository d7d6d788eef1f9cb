from django.db.models import Prefetch

from wgportal.translations import translation_gaps

from . import links
from .models import Decision, Paragraph


def decision_list():
    return Decision.objects.select_related("session")


def decision_with_paragraphs(session_number, index):
    """The decision, its footnotes, and its paragraphs as a tree (``children`` on each),
    each with the ``links`` other apps attach (what it established or mandated). A fixed
    number of queries."""
    paragraphs = Paragraph.objects.order_by("position")
    decision = (
        Decision.objects.select_related("session")
        .prefetch_related(Prefetch("paragraphs", queryset=paragraphs), "footnotes")
        .get(session__number=session_number, index=index)
    )
    decision.top_paragraphs = _tree(decision, decision.paragraphs.all())
    links.attach(decision.paragraphs.all())
    return decision


def _tree(decision, paragraphs):
    by_id = {p.pk: p for p in paragraphs}
    top = []
    for paragraph in paragraphs:
        paragraph.children = []
        paragraph.decision = decision
    for paragraph in paragraphs:
        parent = by_id.get(paragraph.parent_id)
        if parent is None:  # a top paragraph, or one whose parent is not where it belongs
            top.append(paragraph)
        else:
            paragraph.parent = parent
            parent.children.append(paragraph)
    return top


def untranslated_decision_texts(decision):
    """{language: ["(o) (i): text", …]} for the decision as decision_with_paragraphs gives it."""
    texts = [
        (decision.number, decision, "title"),
        (decision.number, decision, "preamble"),
        (decision.session.title, decision.session, "title"),
        (decision.session.title, decision.session, "venue"),
    ]
    texts += [(" ".join(p.labels), p, "text") for p in decision.paragraphs.all()]
    texts += [(f"({note.number})", note, "text") for note in decision.footnotes.all()]
    return translation_gaps(texts)
