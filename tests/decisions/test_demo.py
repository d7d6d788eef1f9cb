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


@pytest.mark.parametrize("code", ["ar", "zh_hans", "en", "fr", "ru", "es"])
def test_the_working_groups_functions_read_as_adopted_wherever_they_are_quoted(decision, code):
    """Paragraph (o)(i)-(iv) in one wording: the decision's, quoted as adopted by the note
    verbale (all four) and the annotations to item 2 (the first three)."""
    from meetings.models import AgendaItem
    from submissions.models import CallForTopics

    functions = [
        getattr(paragraph, f"text_{code}").rstrip(";.؛；。")
        for paragraph in decision.paragraphs.order_by("position")
        if tuple(paragraph.labels)[:1] == ("o",) and len(paragraph.labels) == 2
    ]
    note = getattr(CallForTopics.objects.get(reference="CU 2009/92 (A)"), f"note_text_{code}")
    annotation = getattr(
        AgendaItem.objects.get(agenda__meeting__slug="wg-2009", number=2, sub_letter=""),
        f"annotation_{code}",
    )
    assert len(functions) == 4
    for text in functions:
        assert text in note, (code, text[:40])
    for text in functions[:3]:
        assert text in annotation, (code, text[:40])
