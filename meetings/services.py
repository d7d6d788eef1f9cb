"""State changes of the meetings app: the mission address book's CSV import, and the
provisional agenda's items placed by other use cases and its issue."""

import csv
import io

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wgportal.spreadsheet import Writer, plain

from . import register
from .documents import AGENDA_KIND
from .models import AgendaItem, Document, MemberState, PermanentMission, ProvisionalAgenda

MISSION_COLUMNS = [
    "iso3",
    "functional_title",
    "address_line1",
    "address_line2",
    "address_line3",
    "city",
    "postal_code",
    "country",
    "correspondence_language",
    "email",
    "is_demo",
]


def export_missions(missions):
    """The address book as CSV text, in the columns import_missions reads."""
    out = io.StringIO()
    writer = Writer(out, lineterminator="\n")
    writer.writerow(MISSION_COLUMNS)
    for mission in missions.select_related("state"):
        row = [getattr(mission, column, "") for column in MISSION_COLUMNS[1:]]
        row[-1] = "yes" if mission.is_demo else "no"
        writer.writerow([mission.state.iso3, *row])
    return out.getvalue()


def _unreadable(line, error):
    return ValidationError(
        _("Line %(line)s cannot be read: %(error)s.") % {"line": line, "error": error}
    )


@transaction.atomic
def import_missions(text):
    """Create or update missions from CSV. Every row is checked first, and an error names its
    line; one bad row and nothing is changed. Returns (created, updated). Lines may end in
    CR, LF or CR LF (newline="" lets the csv module read them all, even inside quotes)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        columns = reader.fieldnames or []
    except csv.Error as error:
        raise _unreadable(1, error) from None
    missing = [c for c in MISSION_COLUMNS if c not in columns]
    if missing:
        raise ValidationError(
            _("The first line must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    if "\0" in text:
        raise ValidationError(_("The file holds NUL characters: it is not a CSV text file."))
    states = {state.iso3: state for state in MemberState.objects.select_related("mission")}
    errors, missions, seen = [], [], {}
    rows, line = enumerate(reader, start=2), 1
    while True:
        try:
            line, row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:
            raise _unreadable(line + 1, error) from None
        code = (row["iso3"] or "").strip().upper()
        if code in seen:
            errors.append(
                _("Line %(line)s: %(code)s is on line %(first)s already.")
                % {"line": line, "code": code, "first": seen[code]}
            )
            continue
        seen[code] = line
        state = states.get(code)
        if state is None:
            errors.append(
                _("Line %(line)s: no State has the code “%(code)s”.")
                % {"line": line, "code": row["iso3"]}
            )
            continue
        mission = getattr(state, "mission", None) or PermanentMission(state=state)
        for column in MISSION_COLUMNS[1:-1]:
            setattr(mission, column, plain((row[column] or "").strip()))
        mission.is_demo = (row["is_demo"] or "").strip().lower() in {"yes", "true", "1"}
        try:
            mission.full_clean(validate_unique=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors += [
                    _("Line %(line)s, %(field)s: %(message)s")
                    % {"line": line, "field": field, "message": message}
                    for message in messages
                ]
            continue
        missions.append(mission)
    if errors:
        raise ValidationError(errors)
    created = sum(mission.pk is None for mission in missions)
    for mission in missions:
        mission.save()
    return created, len(missions) - created


# The provisional agenda: items placed by other apps' use cases, and its issue.

PLACEMENT_ITEMS = "items"
PLACEMENT_SUBITEMS = "subitems"


def _refuse_if_issued(agenda):
    """The agenda, locked (so that it is not issued meanwhile), if it is not issued yet."""
    agenda = (
        ProvisionalAgenda.objects.select_for_update().select_related("document").get(pk=agenda.pk)
    )
    if agenda.issued_at:
        raise ValidationError(
            _("The provisional agenda %(symbol)s has been issued; its items can no longer change.")
            % {"symbol": agenda.document.symbol}
        )
    return agenda


def _shift_numbers(agenda, numbers, by):
    """Move whole items (with their sub-items) by ``by`` places, one number at a time in the
    order that never lands on a number still in use."""
    for number in sorted(numbers, reverse=by > 0):
        agenda.items.filter(number=number).update(number=number + by)


@transaction.atomic
def insert_agenda_items(agenda, entries, *, placement, anchor):
    """New items from ``entries`` ({field: value} each), in order: as items numbered from
    ``anchor`` on (later items move down), or as the next sub-items of item ``anchor``.
    Nothing else on the agenda changes. Returns the new items."""
    agenda = _refuse_if_issued(agenda)
    numbers = set(agenda.items.values_list("number", flat=True))
    if placement == PLACEMENT_SUBITEMS:
        if anchor not in numbers:
            raise ValidationError(_("The agenda has no item %(number)s.") % {"number": anchor})
        letters = agenda.items.filter(number=anchor).exclude(sub_letter="")
        last = max(letters.values_list("sub_letter", flat=True), default="`")
        if ord(last) + len(entries) > ord("z"):
            raise ValidationError(_("Item %(number)s has no letters left.") % {"number": anchor})
        places = [(anchor, chr(ord(last) + 1 + i)) for i in range(len(entries))]
    else:
        if anchor < 1 or anchor > max(numbers, default=0) + 1:
            raise ValidationError(_("The agenda has no item %(number)s.") % {"number": anchor})
        _shift_numbers(agenda, [n for n in numbers if n >= anchor], len(entries))
        places = [(anchor + i, "") for i in range(len(entries))]
    return [
        AgendaItem.objects.create(agenda=agenda, number=number, sub_letter=letter, **entry)
        for (number, letter), entry in zip(places, entries, strict=True)
    ]


@transaction.atomic
def remove_agenda_items(items):
    """Take out items that insert_agenda_items placed; the items after them move back up, so
    the agenda is as it was before."""
    for item in sorted(items, key=lambda item: (item.number, item.sub_letter), reverse=True):
        agenda = item.agenda
        _refuse_if_issued(agenda)
        item.delete()
        if item.sub_letter:
            later = agenda.items.filter(number=item.number, sub_letter__gt=item.sub_letter)
            for sub in later.order_by("sub_letter"):
                sub.sub_letter = chr(ord(sub.sub_letter) - 1)
                sub.save(update_fields=["sub_letter"])
        elif not agenda.items.filter(number=item.number).exists():
            later = agenda.items.filter(number__gt=item.number)
            _shift_numbers(agenda, set(later.values_list("number", flat=True)), -1)


@transaction.atomic
def issue_agenda(agenda, *, by):
    """The agenda goes public; from now on its items stay as they are. Its document is issued
    in the register, which has a worker render it in each language and shows it once the six
    are stored."""
    if not by.is_staff:
        raise PermissionDenied
    agenda = _refuse_if_issued(agenda)
    agenda.issued_at = timezone.now()
    agenda.save(update_fields=["issued_at"])
    document = agenda.document
    if document.category != Document.Category.AGENDA:
        document.category = Document.Category.AGENDA
        document.save(update_fields=["category"])
    register.issue_document(document, by=by, rendered_kind=AGENDA_KIND)
    return agenda
