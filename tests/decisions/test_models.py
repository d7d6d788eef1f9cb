import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from decisions.models import ConferenceSession, Decision, Footnote, Paragraph


@pytest.fixture
def decision(db):
    return Decision.objects.get(session__number=4, index=4)


def refused(**kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        kwargs.pop("model").objects.create(**kwargs)


def test_paragraph_labels_are_unique_among_siblings(decision):
    refused(model=Paragraph, decision=decision, label="a", text="again")
    o = decision.paragraphs.get(label="o", parent=None)
    refused(model=Paragraph, decision=decision, parent=o, label="i", text="again")
    # The same label under another parent is another paragraph.
    n = decision.paragraphs.get(label="n", parent=None)
    assert Paragraph.objects.create(decision=decision, parent=n, label="i", text="ok")


def test_paragraph_label_must_be_lowercase_letters(decision):
    refused(model=Paragraph, decision=decision, label="A)", text="bad label")


def test_footnote_numbers_are_unique_and_positive(decision):
    refused(model=Footnote, decision=decision, number=1, text="again")
    refused(model=Footnote, decision=decision, number=0, text="zero")


def test_decision_number_is_unique_in_its_session(decision):
    refused(model=Decision, session=decision.session, index=4, title="again")
    refused(model=Decision, session=decision.session, index=0, title="zero")


def test_session_cannot_end_before_it_starts(db):
    refused(
        model=ConferenceSession,
        number=9,
        title="Ninth session",
        venue="Vienna",
        start_date=datetime.date(2018, 10, 19),
        end_date=datetime.date(2018, 10, 15),
    )


def test_nested_paragraph_knows_its_path(decision):
    o_i = Paragraph.objects.get(decision=decision, parent__label="o", label="i")
    assert o_i.labels == ["o", "i"]
    assert o_i.anchor == "para-o-i"
    assert o_i.get_absolute_url() == "/en/decisions/4/4/#para-o-i"


def test_untranslated_field_falls_back_to_english_then_french(decision):
    paragraph = decision.paragraphs.get(label="a", parent=None)
    paragraph.text_ru = ""
    paragraph.save()
    with translation.override("ru"):
        assert paragraph.text == paragraph.text_en
    paragraph.text_en = ""
    with translation.override("ru"):
        assert paragraph.text == paragraph.text_fr
    with translation.override("zh-hans"):
        assert paragraph.text == paragraph.text_zh_hans != paragraph.text_fr


def test_a_paragraph_hangs_from_a_lettered_paragraph_of_its_own_decision(decision):
    from django.core.exceptions import ValidationError

    o = decision.paragraphs.get(label="o", parent=None)
    o_i = decision.paragraphs.get(label="i", parent=o)
    other = Decision.objects.create(session=decision.session, index=5, title="Other")
    elsewhere = Paragraph.objects.create(decision=other, label="a", text="Elsewhere")
    for parent, message in (
        (elsewhere, "same decision"),
        (o_i, "one level deep"),
    ):
        paragraph = Paragraph(decision=decision, parent=parent, label="zz", text="x")
        with pytest.raises(ValidationError, match=message):
            paragraph.full_clean()
    o.parent = o
    with pytest.raises(ValidationError, match="other than this one"):
        o.full_clean()


def test_a_page_still_answers_when_a_parent_is_out_of_place(client, decision):
    other = Decision.objects.create(session=decision.session, index=5, title="Other")
    stray = Paragraph.objects.create(decision=other, label="a", text="Elsewhere")
    Paragraph.objects.create(decision=decision, parent=stray, label="zz", text="Stray text")
    response = client.get("/en/decisions/4/4/")
    assert response.status_code == 200
    assert "Stray text" in response.content.decode()
    assert client.get("/en/decisions/4/4/decision.pdf").status_code == 200
