from django.conf import settings
from django.db.models import Prefetch, Q
from modeltranslation.utils import build_localized_fieldname

from .models import AgendaItem, Body, Document, DocumentationEntry, Meeting, MemberState, WorkSlot


def meetings_by_time():
    """(upcoming, past): upcoming soonest first, past latest first."""
    meetings = list(Meeting.objects.select_related("body"))
    upcoming = [m for m in meetings if not m.is_past]
    past = [m for m in reversed(meetings) if m.is_past]
    return upcoming, past


def meeting_with_agenda(slug):
    """The meeting with its mandate and, when it has one, its agenda: items with their
    documentation in order, and the organization of work. A fixed number of queries."""
    entries = DocumentationEntry.objects.select_related("document").order_by("position")
    items = AgendaItem.objects.prefetch_related(Prefetch("documentation_entries", queryset=entries))
    slots = WorkSlot.objects.select_related("item")
    meeting = (
        Meeting.objects.select_related("body", "agenda__document")
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
    """Items with their lettered sub-items under ``subitems``."""
    top = {}
    for item in items:
        item.subitems = []
        if not item.sub_letter:
            top[item.number] = item
    for item in items:
        if item.sub_letter:
            top[item.number].subitems.append(item)
    return list(top.values())


def untranslated_agenda_texts(agenda):
    """{language: ["2: annotation", …]} for texts of the agenda that a language lacks and
    shows in a fallback language instead. Uses the agenda's prefetched items and slots."""
    texts = [(agenda.document.symbol, agenda.document, "title")]
    for item in agenda.items.all():
        texts += [
            (item.label, item, field) for field in ("title", "annotation", "annotation_heading")
        ]
    texts += [(slot.item.label, slot, "description") for slot in agenda.work_slots.all()]
    gaps = {}
    for language, _name in settings.LANGUAGES:
        for label, obj, field in texts:
            values = {
                code: getattr(obj, build_localized_fieldname(field, code))
                for code, _name in settings.LANGUAGES
            }
            if any(values.values()) and not values[language]:
                gaps.setdefault(language, []).append(
                    f"{label}: {obj._meta.get_field(field).verbose_name}"
                )
    return gaps


def meeting_documents(meeting):
    """Documents issued for the meeting and those its agenda lists as documentation."""
    return Document.objects.filter(
        Q(meeting=meeting) | Q(agenda_items__agenda__meeting=meeting)
    ).distinct()


def body_with_meetings(slug):
    return (
        Body.objects.select_related("parent", "established_by__decision__session")
        .prefetch_related("meetings__body", "functions__decision__session", "functions__parent")
        .get(slug=slug)
    )


def working_bodies():
    return Body.objects.all()


def member_states():
    return MemberState.objects.all()
