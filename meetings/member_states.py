"""The States of the portal: the 193 Members of the United Nations and the two non-member
observer States, named as United Nations terminology (UNTERM) names them.

The names come from OCHA's Countries and Territories Taxonomy, which carries the UNTERM short
names in the six languages and the formal name in English. It ships inside the
``hdx-python-country`` package; `make member-states` reads it from the package's wheel (without
installing the package and its dependencies) and writes FIXTURE, which the portal loads.
"""

import csv
import io
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from .models import MemberState

FIXTURE = Path(__file__).parent / "fixtures" / "member_states.csv"

# In UNTERM's list and self-governing, yet not Members: in free association with New Zealand.
NOT_MEMBERS = {"COK", "NIU"}
OBSERVERS = {"VAT", "PSE"}
EXPECTED_COUNT = 195

TAXONOMY_SHORT_NAME = {
    "ar": "Arabic Short",
    "zh-hans": "Chinese Short",
    "en": "English Short",
    "fr": "French Short",
    "ru": "Russian Short",
    "es": "Spanish Short",
}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
COLUMNS = [
    "iso3",
    "m49",
    "status",
    "region",
    "formal_name",
    *(f"short_name_{code}" for code in LANGUAGE_CODES),
]


def rows_from_taxonomy(wheel_path):
    """The fixture's rows, read from the taxonomy CSV inside an hdx-python-country wheel."""
    with zipfile.ZipFile(wheel_path) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(".csv") and "Taxonomy" in n)
        text = wheel.read(name).decode("utf-8-sig")
    rows = []
    for entry in csv.DictReader(io.StringIO(text)):
        iso3 = entry["ISO 3166-1 Alpha 3-Codes"]
        if entry["Appears in UNTERM list"] != "Y" or entry["Independent"] != "Y":
            continue
        if iso3 in NOT_MEMBERS or entry["Deprecated"] == "Y":
            continue
        row = {
            "iso3": iso3,
            "m49": int(entry["m49 numerical code"]),
            "status": "observer" if iso3 in OBSERVERS else "member",
            "region": entry["Region Name"].lower(),
            "formal_name": entry["English Formal"],
        }
        for code in LANGUAGE_CODES:
            row[f"short_name_{code}"] = entry[TAXONOMY_SHORT_NAME[code]]
        rows.append(row)
    if len(rows) != EXPECTED_COUNT:
        raise ValueError(f"The taxonomy gave {len(rows)} States, not {EXPECTED_COUNT}.")
    return sorted(rows, key=lambda row: row["iso3"])


def write_fixture(rows, path=FIXTURE):
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_fixture(path=FIXTURE):
    with open(path, encoding="utf-8", newline="") as source:
        return list(csv.DictReader(source))


@transaction.atomic
def load_member_states(path=FIXTURE, model=MemberState):
    """Create or update every State from the fixture; returns how many there are. ``model``
    is the migrations' historical model when a migration loads them."""
    rows = read_fixture(path)
    for row in rows:
        names = {
            build_localized_fieldname("short_name", code): row[f"short_name_{code}"]
            for code in LANGUAGE_CODES
        }
        model.objects.update_or_create(
            iso3=row["iso3"],
            defaults={
                "m49": int(row["m49"]),
                "status": row["status"],
                "region": row["region"],
                "formal_name": row["formal_name"],
                "short_name": row["short_name_en"],
                **names,
            },
        )
    return len(rows)
