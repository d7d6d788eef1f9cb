"""Reading a report's recommendations section, pasted in one language: the markers as that
language writes them, the lines that follow a marker kept with it, and every other shape
refused with the line it stands on."""

import re

import pytest
from django.core.exceptions import ValidationError

from recommendations.importing import MAX_LENGTH, parse


def texts(parsed):
    return [(item.number, item.text) for item in parsed]


def test_numbered_paragraphs_with_their_lettered_subparagraphs():
    text = """
1. States parties should consider:
(a) Establishing national coordinating bodies;
(b) Collecting data.

2. The secretariat should continue
its work.
"""
    assert texts(parse(text, "en")) == [
        (
            1,
            "States parties should consider:\n(a) Establishing national coordinating bodies;\n"
            "(b) Collecting data.",
        ),
        (2, "The secretariat should continue\nits work."),
    ]


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        ("en", "(a)", "(b)"),
        ("fr", "a)", "b)"),
        ("es", "a)", "b)"),
        ("ru", "a)", "b)"),
        ("ar", "(أ)", "(ب)"),
        ("zh-hans", "(a)", "(b)"),
    ],
)
def test_lettered_recommendations_as_each_language_writes_them(language, first, second):
    parsed = parse(f"{first} One\n{second} Two", language)
    assert texts(parsed) == [(1, "One"), (2, "Two")]
    assert [item.marker for item in parsed] == [first, second]


def test_arabic_numbers_its_paragraphs_with_a_dash():
    assert texts(parse("1- الأولى\n2- الثانية", "ar")) == [(1, "الأولى"), (2, "الثانية")]
    with pytest.raises(ValidationError, match="“1-”"):
        parse("1. الأولى", "ar")


def test_a_lettered_list_keeps_its_roman_subparagraphs():
    text = "(a) First:\n(i) one;\n(ii) two;\n(b) Second"
    assert texts(parse(text, "en")) == [(1, "First:\n(i) one;\n(ii) two;"), (2, "Second")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the text is empty"),
        ("   \n\n  ", "the text is empty"),
        ("Recommendations\n1. One", "Line 1 does not begin the first recommendation"),
        ("\n\nThe Working Group adopted:\n1. One", "Line 3 does not begin"),
        ("1. One\n3. Three", "Line 2 begins with “3.” where “2.” comes next"),
        ("1. One\n2. Two\n2. Again", "Line 3 begins with “2.” where “3.” comes next"),
        ("1.\n2. Two", "Recommendation “1.” has no text"),
        ("1. " + "x" * (MAX_LENGTH + 1), "longer than 10000 characters"),
        ("(a) One\n(c) Three", "Line 2 begins with “(c)” where “(b)” comes next"),
        ("<script>alert(1)</script>", "Line 1 does not begin"),
    ],
)
def test_what_cannot_be_read_is_refused_with_its_line(text, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        parse(text, "en")


def test_the_french_markers_are_not_the_english_ones():
    with pytest.raises(ValidationError, match="“1.” or “a\\)”"):
        parse("(a) Une recommandation", "fr")
