"""Decision 4/4 as the demo loads it: the French text is the source document's, verbatim."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from decisions.models import Decision

SOURCE = Path(settings.BASE_DIR, "docs", "sources", "decision-4-4.fr.txt").read_text("utf-8")


def source_paragraphs():
    """(label path, text) in the order of the source document."""
    found, in_o = [], False
    for line in SOURCE.splitlines():
        match = re.match(r"^([a-t]|i|ii|iii|iv)\) (.+)$", line.strip())
        if not match:
            continue
        label, text = match.groups()
        if in_o and label in {"i", "ii", "iii", "iv"}:
            found.append((("o", label), text))
        else:
            found.append(((label,), text))
            in_o = label == "o"
    return found


@pytest.fixture
def decision(db):
    return Decision.objects.get(session__number=4, index=4)


def test_french_paragraphs_are_the_source_verbatim(decision):
    loaded = [(tuple(p.labels), p.text_fr) for p in decision.paragraphs.order_by("position")]
    assert loaded == source_paragraphs()
    assert len(loaded) == 24


def test_french_title_preamble_and_footnotes_are_the_source_verbatim(decision):
    assert decision.title_fr in SOURCE
    assert decision.preamble_fr in SOURCE
    notes = [note.text_fr for note in decision.footnotes.all()]
    assert len(notes) == 3
    assert all(f" {note}" in SOURCE for note in notes)


def test_every_paragraph_is_translated_into_every_language(decision):
    for paragraph in decision.paragraphs.all():
        for code in ("ar", "zh_hans", "en", "ru", "es"):
            text = getattr(paragraph, f"text_{code}")
            assert text and text != paragraph.text_fr, (paragraph.labels, code)
