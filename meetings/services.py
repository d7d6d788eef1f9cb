"""State changes of the meetings app: the mission address book's CSV import."""

import csv
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import MemberState, PermanentMission

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
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MISSION_COLUMNS)
    for mission in missions.select_related("state"):
        row = [getattr(mission, column, "") for column in MISSION_COLUMNS[1:]]
        row[-1] = "yes" if mission.is_demo else "no"
        writer.writerow([mission.state.iso3, *row])
    return out.getvalue()


@transaction.atomic
def import_missions(text):
    """Create or update missions from CSV. Every row is checked first, and an error names its
    line; one bad row and nothing is changed. Returns (created, updated)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in MISSION_COLUMNS if c not in (reader.fieldnames or [])]
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
            raise ValidationError(
                _("Line %(line)s cannot be read: %(error)s.") % {"line": line + 1, "error": error}
            ) from None
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
            setattr(mission, column, (row[column] or "").strip())
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
