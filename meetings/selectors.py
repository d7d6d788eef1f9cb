from django.conf import settings
from django.db.models import Prefetch, Q

from wgportal.style import sorted_by_name
from wgportal.translations import translation_gaps

from .models import (
    AgendaItem,
    Body,
    Document,
    DocumentationEntry,
    DocumentVersion,
    Meeting,
    MemberState,
    ProvisionalAgenda,
    WorkSlot,
)


def meeting(slug):
    return Meeting.objects.select_related("body", "agenda__document").get(slug=slug)


def body(slug):
    return Body.objects.get(slug=slug)


def meetings_of(body):
    return body.meetings.select_related("body")


def meetings_by_time():
    """(upcoming, past): upcoming soonest first, past latest first."""
    meetings = list(Meeting.objects.select_related("body"))
    upcoming = [m for m in meetings if not m.is_past]
    past = [m for m in reversed(meetings) if m.is_past]
    return upcoming, past


def meeting_with_agenda(slug):
    """The meeting with its mandate and, when it has one, its agenda: items with their
    documentation in order, and the organization of work. A fixed number of queries."""
    entries = (
        DocumentationEntry.objects.select_related("document")
        .prefetch_related(
            Prefetch("document__versions", queryset=DocumentVersion.objects.order_by())
        )
        .order_by("position")
    )
    items = AgendaItem.objects.prefetch_related(Prefetch("documentation_entries", queryset=entries))
    slots = WorkSlot.objects.select_related("item")
    meeting = (
        Meeting.objects.select_related("body__parent", "agenda__document")
        .prefetch_related(
            "mandated_by__decision__session",
            "mandated_by__parent",
            Prefetch("agenda__items", queryset=items),
            Prefetch("agenda__work_slots", queryset=slots),
        )
        .get(slug=slug)
    )
    if hasattr(meeting, "agenda"):
        meeting.agenda.top_items = _item_tree(meeting.agenda.items.all())
    return meeting


def _item_tree(items):
    """Items with their lettered sub-items under ``subitems``; a sub-item whose main item is
    missing stands on its own rather than disappear."""
    top = {item.number: item for item in items if not item.sub_letter}
    tree = []
    for item in items:
        item.subitems = []
        parent = top.get(item.number) if item.sub_letter else None
        if parent is None:
            tree.append(item)
        else:
            parent.subitems.append(item)
    return tree


def untranslated_agenda_texts(meeting):
    """{language: ["2: annotation", …]}: texts of the meeting's agenda document that a
    language lacks and shows in another language. Uses the prefetched agenda."""
    agenda = meeting.agenda
    texts = [
        (meeting.body.short_name, meeting.body, "name"),
        (meeting.slug, meeting, "title"),
        (meeting.slug, meeting, "venue"),
        (agenda.document.symbol, agenda.document, "title"),
    ]
    if meeting.body.parent:
        texts.append((meeting.body.parent.short_name, meeting.body.parent, "name"))
    for item in agenda.items.all():
        texts += [
            (item.label, item, field) for field in ("title", "annotation", "annotation_heading")
        ]
    texts += [(slot.item.label, slot, "description") for slot in agenda.work_slots.all()]
    return translation_gaps(texts)


def meeting_documents(meeting, *, drafts=False):
    """Documents issued for the meeting and those its agenda lists as documentation, with their
    versions: public ones only, unless ``drafts`` (the secretariat). An agenda not issued yet,
    and what it lists, stay out."""
    issued = Q(agenda_items__agenda__meeting=meeting, agenda_items__agenda__issued_at__isnull=False)
    # Each document's items of this meeting's agenda, for its item reference.
    items = DocumentationEntry.objects.filter(
        item__agenda__meeting=meeting, item__agenda__issued_at__isnull=False
    ).select_related("item")
    documents = (
        Document.objects.filter(Q(meeting=meeting) | issued)
        .exclude(agenda__issued_at__isnull=True, agenda__isnull=False)
        .distinct()
        .prefetch_related(
            Prefetch("documentation_entries", queryset=items, to_attr="on_agenda"),
            Prefetch("versions", queryset=DocumentVersion.objects.order_by()),
        )
    )
    return documents if drafts else documents.filter(released_at__isnull=False)


def by_category(documents):
    """[(category label, [documents])] in the order of the categories, empty ones left out."""
    groups = {category: [] for category in Document.Category}
    for document in documents:
        groups[document.category].append(document)
    return [(category.label, listed) for category, listed in groups.items() if listed]


def language_overview(documents):
    """[(document, [(language, version or None, due)])]: for each document, each official
    language's version, and whether the document is issued in that language."""
    rows = []
    for listed in documents:
        versions = {version.language: version for version in listed.versions.all()}
        due = set(listed.languages or listed.default_languages())
        rows.append(
            (
                listed,
                [(code, versions.get(code), code in due) for code, _name in settings.LANGUAGES],
            )
        )
    return rows


def document(symbol, *, drafts=False):
    """A document by its symbol with its versions, its meeting and the agenda items that list
    it; one not public yet only for ``drafts``."""
    documents = Document.objects if drafts else Document.objects.filter(released_at__isnull=False)
    entries = DocumentationEntry.objects.filter(item__agenda__issued_at__isnull=False)
    return (
        documents.select_related("meeting")
        .prefetch_related(
            Prefetch("versions", queryset=DocumentVersion.objects.order_by()),
            Prefetch(
                "documentation_entries",
                queryset=entries.select_related("item__agenda__meeting"),
                to_attr="on_agenda",
            ),
        )
        .get(symbol=symbol)
    )


def body_with_meetings(slug):
    return (
        Body.objects.select_related("parent", "established_by__decision__session")
        .prefetch_related("meetings__body", "functions__decision__session", "functions__parent")
        .get(slug=slug)
    )


def working_bodies():
    return Body.objects.all()


def member_states():
    """In the order a reader of the active language expects: "Îles Salomon" among the I."""
    return sorted_by_name(MemberState.objects.all(), key=lambda state: state.short_name)


# What anyone may read, as querysets for lists (the public API pages through them). Each
# holds the rule the public pages hold object by object.


def public_meetings():
    """Every meeting, with its body and mandate: the list of meetings shows them all."""
    return Meeting.objects.select_related("body", "agenda").prefetch_related(
        "mandated_by__decision__session", "mandated_by__parent"
    )


def public_bodies():
    return Body.objects.select_related(
        "parent", "established_by__decision__session", "established_by__parent"
    ).prefetch_related("functions__decision__session", "functions__parent")


def issued_agendas():
    """Provisional agendas once issued (``rules.is_issued``), with their items in order and
    each item's documentation in the agenda's order. A fixed number of queries."""
    entries = DocumentationEntry.objects.select_related("document").order_by("position")
    return (
        ProvisionalAgenda.objects.filter(issued_at__isnull=False)
        .select_related("meeting__body", "document")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=AgendaItem.objects.prefetch_related(
                    Prefetch("documentation_entries", queryset=entries)
                ),
            )
        )
    )


def public_documents():
    """Documents once public (``rules.is_public``: issued, every language with its file), with
    their meeting and versions, as each one's page shows them (``document``)."""
    return (
        Document.objects.filter(released_at__isnull=False)
        .select_related("meeting")
        .prefetch_related(Prefetch("versions", queryset=DocumentVersion.objects.order_by()))
    )
