"""Every catalogue and demo text uses the glossary's term for each glossary entry.

`locale/glossary.toml` lists the portal's recurring terms. Wherever the English text names a
term, the text in each other language must use one of its accepted renderings and none of the
variants to avoid; English itself keeps to Oxford -ize spelling.
"""

import re
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

BASE = Path(settings.BASE_DIR)
GLOSSARY = tomllib.loads((BASE / "locale" / "glossary.toml").read_text("utf-8"))
DIRECTORIES = {"ar": "ar", "zh-hans": "zh_Hans", "fr": "fr", "ru": "ru", "es": "es"}
# Arabic and Chinese attach particles and write no spaces between words: substrings there.
WHOLE_WORDS = {"en", "fr", "ru", "es"}


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\[\[\[\w+\]\]\]")


def occurs(form, text, language):
    if language not in WHOLE_WORDS:
        return form in text
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def plain(text):
    return re.sub(r"  +", " ", PLACEHOLDER.sub("", text))


def names(term, english):
    for phrase in term.get("en_except", []):
        english = english.replace(phrase, "")
    return any(occurs(form, english, "en") for form in term["en"])


def faults(english, text, language):
    """What `text`, the `language` version of `english`, gets wrong against the glossary."""
    english, text, found = plain(english), plain(text), []
    for key, term in GLOSSARY["terms"].items():
        if not names(term, english):
            continue
        rule = term[language]
        if not any(form in text for form in rule["use"]):
            found.append(f"{key}: none of {rule['use'][:3]}")
        allowed = rule.get("allow", {})
        for form in rule["avoid"]:
            if occurs(form, text, language) and not any(
                phrase in english for phrase in allowed.get(form, [])
            ):
                found.append(f"{key}: {form!r}")
    return found


def catalog(directory):
    with open(BASE / "locale" / directory / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po)


def pairs(message):
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return " ".join(ids), " ".join(strings)


def flatten(table, prefix=""):
    for key, value in table.items():
        if isinstance(value, dict):
            yield from flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def demo(language):
    return dict(flatten(tomllib.loads((BASE / "demo" / f"{language}.toml").read_text("utf-8"))))


def proposals(language):
    topics = tomllib.loads((BASE / "demo" / "proposals.toml").read_text("utf-8"))["topic"]
    for index, topic in enumerate(topics):
        for field in ("title", "description", "rationale"):
            yield f"topic {index + 1} {field}", topic["en"][field], topic[language][field]


def recommendations(language):
    """The demo recommendations and the titles of the demo reports, in each language."""
    records = tomllib.loads((BASE / "demo" / "recommendations.toml").read_text("utf-8"))
    for group in ("reports", None):
        table = records["reports"] if group else records
        for key, entries in table.items():
            if group is None and key in ("reports", "follow-up"):
                continue
            for number, record in entries.items() if group is None else [("", entries)]:
                yield f"{key} {number}".strip(), record["en"], record[language]


@pytest.mark.parametrize("language", DIRECTORIES)
def test_catalogue_uses_the_glossary(language):
    wrong = []
    for message in catalog(DIRECTORIES[language]):
        if message.id:
            english, text = pairs(message)
            wrong += [f"{english!r}: {fault}" for fault in faults(english, text, language)]
    assert not wrong, f"{language}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", DIRECTORIES)
def test_demo_texts_use_the_glossary(language):
    english, texts = demo("en"), demo(language)
    wrong = [
        f"{key}: {fault}"
        for key, text in texts.items()
        for fault in faults(english[key], text, language)
    ]
    for key, english_text, text in [*proposals(language), *recommendations(language)]:
        wrong += [f"{key}: {fault}" for fault in faults(english_text, text, language)]
    assert not wrong, f"{language}:\n" + "\n".join(wrong)


def test_english_keeps_to_oxford_spelling():
    avoid = GLOSSARY["spelling"]["en"]["avoid"]
    texts = [pairs(m)[0] for m in catalog("en") if m.id]
    texts += list(demo("en").values())
    texts += [english for _key, english, _text in proposals("en")]
    wrong = {form for text in texts for form in avoid if occurs(form, text.lower(), "en")}
    assert not wrong


def test_the_check_catches_what_the_glossary_forbids():
    # The faults the catalogues once had, as regression cases for the check itself.
    assert faults("conference", "大会", "zh-hans") == [
        "conference-of-the-parties: none of ['缔约方会议', '会议']",
        "conference-of-the-parties: '大会'",
    ]
    assert faults("General Assembly and the Conference", "大会和缔约方会议", "zh-hans") == []
    assert faults("States parties", "Estados parte", "es") == [
        "state-party: none of ['Estado parte', 'Estados partes']",
        "state-party: 'Estados parte'",
    ]
    assert faults("States parties", "Estados partes", "es") == []
    assert faults("Original: English", "Язык оригинала: Английский", "ru") == [
        "english: none of ['английский', 'английск']",
        "english: 'Английский'",
    ]
    assert faults("No topic", "无专题", "zh-hans") == [
        "topic: none of ['议题']",
        "topic: '专题'",
    ]
    assert faults("Note by the Secretariat", "مذكرة من الأمانة العامة", "ar") == [
        "note-by-the-secretariat: 'مذكرة من الأمانة العامة'",
    ]
    assert faults("%(symbol)s is issued already.", "%(symbol)s уже издан.", "ru") == [
        "issued: none of ['выпущ', 'выпуск', 'выпуст']",
        "issued: 'издан'",
    ]
    assert faults("conference room paper", "document de séance", "fr") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words", "not_words"),
    [
        # UN Russian and Chinese documents keep the masthead in English (un-style/README).
        ("ru", "Original: English", "Английский"),
        ("zh-hans", "Original: English", "英语"),
        ("fr", "Original: anglais", "Anglais"),
    ],
)
def test_a_documents_language_is_named_as_the_glossary_names_it(client, language, words, not_words):
    page = client.get(f"/{language}/meetings/wg-2009/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)).replace("： ", "：")
    assert words in text and not_words not in text


def test_chinese_is_named_chinese_not_simplified_chinese():
    from django.utils import translation

    from wgportal.i18n import language_name

    with translation.override("zh-hans"):
        assert language_name("zh-hans") == "中文"
    with translation.override("en"):
        assert language_name("zh-hans") == "Chinese"
    with translation.override("ru"):
        assert language_name("en") == "английский"


@pytest.mark.parametrize(
    ("language", "capacity", "stage", "organ", "text"),
    [
        ("ar", "الصفة", "الحالة", "الهيئة", "نص الرسالة"),
        ("zh-hans", "地位", "状态", "机构", "正文"),
        ("fr", "statut", "statut", "organe", "texte du message"),
        ("es", "condición", "situación", "órgano", "texto del mensaje"),
    ],
)
def test_a_word_with_two_meanings_is_translated_for_each(language, capacity, stage, organ, text):
    from django.utils import translation

    from meetings.models import Body, MemberState
    from submissions.models import CallForTopics, OutboundMessage, TopicProposal

    def label(model, field):
        return str(model._meta.get_field(field).verbose_name)

    with translation.override(language):
        assert label(MemberState, "status") == capacity
        assert label(CallForTopics, "status") == stage == label(TopicProposal, "status")
        assert label(OutboundMessage, "status") == stage
        assert str(Body._meta.verbose_name) == organ
        assert label(OutboundMessage, "body") == text


@pytest.mark.django_db
def test_the_states_status_column_names_their_capacity(client):
    page = client.get("/ar/states/").content.decode()
    assert '<th scope="col">الصفة</th>' in page and '<th scope="col">الحالة</th>' not in page
