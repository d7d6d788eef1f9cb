import pytest
from django.utils import translation

from decisions.models import Decision, Paragraph

CITATIONS = {
    "en": ("decision 4/4", "decision 4/4, paragraph (o) (i)"),
    "fr": ("décision 4/4", "décision 4/4, alinéa o) i)"),
    "es": ("decisión 4/4", "decisión 4/4, apartado o) i)"),
    "ru": ("решение 4/4", "решение 4/4, пункт o) i)"),
    "ar": ("المقرر 4/4", "المقرر 4/4، الفقرة (س) '1'"),
    "zh-hans": ("第4/4号决定", "第4/4号决定第(o)㈠段"),
}


@pytest.mark.parametrize("language", CITATIONS)
def test_citations_in_each_language(db, language):
    decision = Decision.objects.get(session__number=4, index=4)
    o_i = Paragraph.objects.get(decision=decision, parent__label="o", label="i")
    with translation.override(language):
        assert (decision.citation(), o_i.citation()) == CITATIONS[language]
