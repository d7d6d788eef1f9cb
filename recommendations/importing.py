"""Reading the recommendations section of a report, pasted in one language, into numbered
recommendations: each begins with the next paragraph number or the next letter as that
language writes them ("1." or "a)" in French, "1-" or "(أ)" in Arabic, "1." or "(a)" in
English); the lines after a marker, sub-paragraphs of the other kind included, belong to it.
Anything else is refused with the line it stands on, so that nothing is read wrong silently."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wgportal.style import style_for

MAX_RECOMMENDATIONS = 200
MAX_LENGTH = 10_000  # characters of one recommendation
# What a line opening a paragraph of either kind looks like, in any language: a number with
# its stop ("3.", "3-") or a short label in brackets ("(c)", "c)", "(ج)").
ANY_MARKER = re.compile(r"^(\d{1,4}[.\-]|\(?[^\s()]{1,3}\))(\s|$)")


@dataclass
class Parsed:
    number: int
    marker: str
    text: str


def markers(language, count):
    """The first ``count`` markers of each kind, as ``language`` writes them, and the labels
    of sub-paragraphs ("(i)", "(ii)"), which a lettered list's "(i)" must not be taken for."""
    style = style_for(language)
    numbers = [style.paragraph_number(n) for n in range(1, count + 1)]
    letters = [style.label(n) for n in range(1, min(count, len(style.letters)) + 1)]
    subparagraphs = {style.label(n, level=2) for n in range(1, 15)}
    return numbers, letters, subparagraphs


def _opens(line, marker):
    return line == marker or line.startswith(marker + " ") or line.startswith(marker + "\t")


def parse(text, language):
    """[Parsed]: the recommendations of the pasted section, numbered from 1."""
    lines = [line.strip() for line in (text or "").splitlines()]
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line]
    if not numbered:
        raise ValidationError(_("Paste the recommendations: the text is empty."))
    numbers, letters, subparagraphs = markers(language, MAX_RECOMMENDATIONS + 1)
    first_line, first = numbered[0]
    sequence = (
        numbers if _opens(first, numbers[0]) else letters if _opens(first, letters[0]) else None
    )
    if sequence is None:
        raise ValidationError(
            _(
                "Line %(line)s does not begin the first recommendation: it should begin with "
                "“%(number)s” or “%(letter)s”, as the report numbers them in this language. "
                "Leave out the section's heading and introduction, or check the language."
            )
            % {"line": first_line, "number": numbers[0], "letter": letters[0]}
        )
    found = []
    for line_number, line in numbered:
        expected = sequence[len(found)] if len(found) < len(sequence) else None
        if expected and _opens(line, expected):
            body = line[len(expected) :].strip()
            found.append(Parsed(len(found) + 1, expected, body))
        elif (
            (marker := ANY_MARKER.match(line))
            and marker.group(1) in sequence
            and marker.group(1) not in subparagraphs
        ):
            raise ValidationError(
                _(
                    "Line %(line)s begins with “%(found)s” where “%(expected)s” comes next: "
                    "check the numbering of the recommendations."
                )
                % {"line": line_number, "found": marker.group(1), "expected": expected or "—"}
            )
        else:
            found[-1].text = f"{found[-1].text}\n{line}".strip()
    for item in found:
        if not item.text:
            raise ValidationError(
                _("Recommendation “%(marker)s” has no text.") % {"marker": item.marker}
            )
        if len(item.text) > MAX_LENGTH:
            raise ValidationError(
                _(
                    "Recommendation “%(marker)s” is longer than %(limit)s characters: "
                    "check that the next one is numbered."
                )
                % {"marker": item.marker, "limit": MAX_LENGTH}
            )
    if len(found) > MAX_RECOMMENDATIONS:
        raise ValidationError(
            _("A meeting's report holds at most %(limit)s recommendations.")
            % {"limit": MAX_RECOMMENDATIONS}
        )
    return found
