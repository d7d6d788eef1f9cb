"""The style layer against renderings read from United Nations documents (every case of
tests/data/un-style.toml) and against the gaps they leave (spans across months and years)."""

import datetime
import tomllib
from pathlib import Path

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from wgportal import i18n, style

D = datetime.date
T = datetime.time
REFERENCE = tomllib.loads((Path(__file__).parent / "data" / "un-style.toml").read_text("utf-8"))
CITY = {
    "en": "Vienna",
    "fr": "Vienne",
    "es": "Viena",
    "ru": "Вена",
    "zh-hans": "维也纳",
    "ar": "فيينا",
}
# The dates of each reference case, as the documents it was read from give them.
MASTHEAD_DATES = {
    "en": D(2010, 2, 17),
    "fr": D(2009, 3, 5),
    "es": D(1997, 6, 4),
    "ru": D(2009, 12, 9),
    "zh-hans": D(2008, 6, 6),
    "ar": D(2009, 3, 5),
}
RANGES = {
    "en": ("Vienna", D(2010, 1, 27), D(2010, 1, 29)),
    "fr": ("Vienne", D(2012, 10, 15), D(2012, 10, 19)),
    "es": ("Bonn", D(1997, 7, 28), D(1997, 8, 5)),
    "ru": ("Вена", D(2010, 1, 27), D(2010, 1, 29)),
    "zh-hans": ("维也纳", D(2008, 10, 8), D(2008, 10, 17)),
    "ar": ("نيويورك", D(2013, 8, 19), D(2013, 8, 23)),
}
ITEMS = {"en": (2, "b"), "fr": (2, "b"), "es": (2, "b"), "ru": (3, ""), "zh-hans": (2, "b")}
ITEMS["ar"] = (3, "b")
TIMES = [(T(10), T(13)), (T(15), T(18))]
# The Working Group's meetings, as the seed note lists the first three.
MEETINGS_HELD = [
    (D(2009, 4, 14), D(2009, 4, 15)),
    (D(2010, 1, 27), D(2010, 1, 29)),
    (D(2010, 10, 19), D(2010, 10, 19)),
    (D(2011, 10, 10), D(2011, 10, 12)),
]


def rendered(language, key, case):
    """What the style layer writes for the reference case ``key`` of ``language``."""
    s = style.style_for(language)
    match key:
        case "masthead":
            return s.masthead("general", MASTHEAD_DATES[language], "en")
        case "date":
            return s.date(D(2011, 7, 28) if language in ("en", "ar") else D(2009, 3, 5))
        case "date_first_of_month":
            return s.date(D(2009, 3, 1))
        case "place_dates_range":
            return s.place_and_dates(*RANGES[language])
        case "place_dates_two_days":
            return s.place_and_dates(CITY[language], D(2009, 4, 14), D(2009, 4, 15))
        case "place_dates_across_months":  # read from a title: "в Вене 30 мая – 1 июня 2012 года"
            span = s.date_range(D(2012, 5, 30), D(2012, 6, 1))
            return s.place_in(CITY[language]).removeprefix("в ") + " " + span
        case "item_reference":
            return s.item_reference(*ITEMS[language])
        case "item_reference_footnote":
            return s.item_reference_footnote("CTOC/COP/2012/1")
        case "sub_item":
            return s.label("a")
        case "sub_paragraph":
            return s.label("i", level=2)
        case "times":
            return [s.time_range(start, end) for start, end in TIMES][: len(case)]
        case "organization_of_work_day":
            return s.day_heading(D(2009, 4, 14))
        case "deadline_phrase":
            return f"d'ici au {s.date(D(2009, 7, 31))}"
        case "section":
            return s.section_number(1)
        case "paragraph_number":
            return s.paragraph_number(10)
        case "meetings_held":
            return [s.date_spans_prose(MEETINGS_HELD[:count]) for count in range(1, 5)]
        case "list_separator":
            return s.list_patterns["middle"].format("", "")
        case "language_names":
            return f"lower case: {s.language_name('en')}, {s.language_name('fr')}"
    raise AssertionError(f"no rendering for {key}")


# Wording, not style: the terminology glossaries check these.
TERMINOLOGY = {
    "note_by_secretariat",
    "report_title",
    "spelling",
    "organization_of_work_title",
    "terms",
}
CASES = [
    (language, key, case)
    for language, cases in REFERENCE.items()
    for key, case in cases.items()
    if key not in TERMINOLOGY
]


@pytest.mark.parametrize(("language", "key", "case"), CASES)
def test_reference_case(language, key, case):
    assert rendered(language, key, case) == case


# Spans the reference leaves out: two months, two years, and one day, in each language.
SPANS = {
    "en": ("30 May-1 June 2012", "28 December 2009-2 January 2010", "5 March 2009"),
    "fr": ("30 mai-1er juin 2012", "28 décembre 2009-2 janvier 2010", "5 mars 2009"),
    "es": (
        "30 de mayo a 1 de junio de 2012",
        "28 de diciembre de 2009 a 2 de enero de 2010",
        "5 de marzo de 2009",
    ),
    "ru": (
        "30 мая – 1 июня 2012 года",
        "28 декабря 2009 года – 2 января 2010 года",
        "5 марта 2009 года",
    ),
    "zh-hans": ("2012年5月30日至6月1日", "2009年12月28日至2010年1月2日", "2009年3月5日"),
    "ar": (
        "30 أيار/مايو - 1 حزيران/يونيه 2012",
        "28 كانون الأول/ديسمبر 2009 - 2 كانون الثاني/يناير 2010",
        "5 آذار/مارس 2009",
    ),
}


@pytest.mark.parametrize("language", SPANS)
def test_spans_across_months_and_years(language):
    months, years, one_day = SPANS[language]
    assert style.date_range(D(2012, 5, 30), D(2012, 6, 1), language) == months
    assert style.date_range(D(2009, 12, 28), D(2010, 1, 2), language) == years
    assert style.date_range(D(2009, 3, 5), D(2009, 3, 5), language) == one_day


PROSE = {
    "en": ("from 27 to 29 January 2010", "on 14 and 15 April 2009", "from 30 May to 1 June 2012"),
    "fr": ("du 27 au 29 janvier 2010", "les 14 et 15 avril 2009", "du 30 mai au 1er juin 2012"),
    "es": (
        "del 27 al 29 de enero de 2010",
        "los días 14 y 15 de abril de 2009",
        "del 30 de mayo al 1 de junio de 2012",
    ),
    "ru": (
        "с 27 по 29 января 2010 года",
        "14 и 15 апреля 2009 года",
        "с 30 мая по 1 июня 2012 года",
    ),
    "zh-hans": ("2010年1月27日至29日", "2009年4月14日和15日", "2012年5月30日至6月1日"),
    "ar": (
        "من 27 إلى 29 كانون الثاني/يناير 2010",
        "يومي 14 و15 نيسان/أبريل 2009",
        "من 30 أيار/مايو إلى 1 حزيران/يونيه 2012",
    ),
}


@pytest.mark.parametrize("language", PROSE)
def test_dates_as_a_sentence_gives_them(language):
    spans = [(D(2010, 1, 27), D(2010, 1, 29)), (D(2009, 4, 14), D(2009, 4, 15))]
    spans.append((D(2012, 5, 30), D(2012, 6, 1)))
    assert tuple(style.date_span_prose(*span, language) for span in spans) == PROSE[language]


@pytest.mark.parametrize(
    ("language", "across_months", "across_years"),
    [
        ("en", "Vienna, 30 May-1 June 2012", "Vienna, 28 December 2009-2 January 2010"),
        ("fr", "Vienne, 30 mai-1er juin 2012", "Vienne, 28 décembre 2009-2 janvier 2010"),
        ("zh-hans", "2012年5月30日至6月1日，维也纳", "2009年12月28日至2010年1月2日，维也纳"),
        ("ar", "فيينا، 30 أيار/مايو - 1 حزيران/يونيه 2012", None),
    ],
)
def test_place_and_dates_across_months_and_years(language, across_months, across_years):
    place = CITY[language]
    assert style.place_and_dates(place, D(2012, 5, 30), D(2012, 6, 1), language) == across_months
    if across_years:
        assert (
            style.place_and_dates(place, D(2009, 12, 28), D(2010, 1, 2), language) == across_years
        )


@pytest.mark.parametrize(
    ("language", "heading", "morning", "noon"),
    [
        ("en", "Tuesday, 14 April", "9.45 a.m.-noon", "10 a.m.-1 p.m."),
        ("fr", "Mardi 14 avril", "9 h 45-12 heures", "10 heures-13 heures"),
        ("es", "Martes 14 de abril", "9.45 a 12.00 horas", "10.00 a 13.00 horas"),
        ("ru", "Вторник, 14 апреля", "9 ч. 45 м. – 12 ч. 00 м.", "10 ч. 00 м. – 13 ч. 00 м."),
        ("zh-hans", "4月14日，星期二", "上午9时45分至中午12时", "上午10时至下午1时"),
        ("ar", "الثلاثاء، 14 نيسان/أبريل", "9:45-12:00", "10:00-13:00"),
    ],
)
def test_organization_of_work(language, heading, morning, noon):
    assert style.day_heading(D(2009, 4, 14), language) == heading
    assert style.time_range(T(9, 45), T(12), language) == morning
    assert style.time_range(T(10), T(13), language) == noon


def test_arabic_letters_follow_the_abjadi_order_and_sub_paragraphs_are_figures():
    labels = [style.label(position, 1, "ar") for position in range(1, 21)]
    assert " ".join(labels) == (
        "(أ) (ب) (ج) (د) (هـ) (و) (ز) (ح) (ط) (ي) (ك) (ل) (م) (ن) (س) (ع) (ف) (ص) (ق) (ر)"
    )
    assert [style.label(numeral, 2, "ar") for numeral in ("i", "ii", "iv")] == ["'1'", "'2'", "'4'"]
    # "i" at the first level is the ninth letter, not a sub-paragraph.
    assert style.label("i", 1, "ar") == "(ط)"


@pytest.mark.parametrize(
    ("language", "letters", "numerals"),
    [
        ("en", "(a) (t)", "(i) (iv)"),
        ("fr", "a) t)", "i) iv)"),
        ("es", "a) t)", "i) iv)"),
        ("ru", "a) t)", "i) iv)"),
        ("zh-hans", "(a) (t)", "㈠ ㈣"),
        ("ar", "(أ) (ر)", "'1' '4'"),
    ],
)
def test_list_labels_at_each_level(language, letters, numerals):
    assert f"{style.label('a', 1, language)} {style.label('t', 1, language)}" == letters
    assert f"{style.label('i', 2, language)} {style.label('iv', 2, language)}" == numerals


def test_a_label_outside_the_sequence_is_kept_as_entered():
    assert style.label("zz", 1, "fr") == "zz)"
    assert style.label("xl", 2, "zh-hans") == "xl"


@pytest.mark.parametrize(
    ("language", "joined", "quoted", "first", "second"),
    [
        ("en", "Egypt, France and Mexico", "“x”", "1st", "2nd"),
        ("fr", "Egypt, France et Mexico", "«\u00a0x\u00a0»", "1er", "2e"),
        ("es", "Egypt, France y Mexico", "“x”", "1º", "2º"),
        ("ru", "Egypt, France и Mexico", "«x»", "1-й", "2-й"),
        ("zh-hans", "Egypt、France和Mexico", "“x”", "第1", "第2"),
        ("ar", "Egypt، France وMexico", "“x”", "1", "2"),
    ],
)
def test_lists_quotes_and_ordinals(language, joined, quoted, first, second):
    assert style.join_names(["Egypt", "France", "Mexico"], language) == joined
    assert style.quote("x", language) == quoted
    assert (style.ordinal(1, language), style.ordinal(2, language)) == (first, second)


@pytest.mark.parametrize(
    ("language", "names", "expected"),
    [
        ("fr", ["Vanuatu", "Îles Salomon", "Irlande", "Inde"], "Îles Salomon Inde Irlande Vanuatu"),
        ("es", ["Zambia", "Ñ", "Nepal", "Omán"], "Nepal Ñ Omán Zambia"),
        ("zh-hans", ["中国", "巴西", "阿尔及利亚"], "阿尔及利亚 巴西 中国"),
        ("ru", ["Япония", "Ёмен", "Египет"], "Египет Ёмен Япония"),
    ],
)
def test_names_sorted_as_the_language_sorts_them(language, names, expected):
    assert " ".join(style.sorted_by_name(names, language=language)) == expected


@pytest.mark.parametrize(
    ("place", "language", "expected"),
    [
        ("Вена", "ru", "в Вене"),
        ("Нью-Йорк", "ru", "в Нью-Йорке"),
        ("Найроби", "ru", "в Найроби"),
        ("Le Caire", "fr", "au Caire"),
        ("Vienne", "fr", "à Vienne"),
        ("فيينا", "ar", "في فيينا"),
        ("维也纳", "zh-hans", "在维也纳"),
    ],
)
def test_a_place_in_a_sentence(place, language, expected):
    assert style.place_in(place, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الفاكس: +43-1 26060 75752،", "الفاكس: \u2066+43-1\u00a026060\u00a075752\u2069،"),
        (
            "العنوان: http://www.unodc.org/ar/x.html.",
            "العنوان: \u2066http://www.unodc.org/ar/x.html\u2069.",
        ),
        ("البريد: untoc.cop@unodc.org.", "البريد: \u2066untoc.cop@unodc.org\u2069."),
        (
            "التوقيت +01:00 والرمز CU 2009/92 (A)",
            "التوقيت \u2066+01:00\u2069 والرمز \u2066CU 2009/92 (A)\u2069",
        ),
        ("في 14 و15 نيسان/أبريل 2009", "في 14 و15 نيسان/أبريل 2009"),
        # Arabic list labels and item references stay Arabic text: their brackets are not isolated.
        ("في الفقرة (ع) من مقرَّره 4/4،", "في الفقرة (ع) من مقرَّره \u20664/4\u2069،"),
        ("البند 2 (ب) من جدول الأعمال المؤقت*", "البند 2 (ب) من جدول الأعمال المؤقت*"),
        ("الوثيقة (A/66/1)، الرمز", "الوثيقة \u2066(A/66/1)\u2069، الرمز"),
        ("\u2066CTOC/COP/WG.4/2009/1\u2069", "\u2066CTOC/COP/WG.4/2009/1\u2069"),
    ],
)
def test_arabic_keeps_each_left_to_right_run_in_its_order(text, expected):
    assert style.bidi(text, "ar") == expected


def test_left_to_right_languages_are_left_as_they_are():
    assert style.bidi("Fax: +43-1 26060 75752", "en") == "Fax: +43-1 26060 75752"


def test_the_active_language_is_used_and_the_old_module_still_answers():
    with translation.override("ru"):
        assert i18n.date_long(D(2009, 3, 5)) == "5 марта 2009 года"
        assert i18n.date_range(D(2010, 1, 27), D(2010, 1, 29)) == "27-29 января 2010 года"
    assert i18n.join_names(["A", "B"], "zh-hans") == "A和B"


@pytest.mark.parametrize(
    ("language", "paragraph", "clause"),
    [
        ("en", "Decided to establish a working group;", "decided to establish a working group."),
        (
            "fr",
            "A décidé en outre que le groupe se réunirait;",
            "a décidé en outre que le groupe se réunirait.",
        ),
        ("ru", "постановила учредить рабочую группу;", "постановила учредить рабочую группу."),
        ("zh-hans", "决定设立一个工作组；", "决定设立一个工作组。"),
        ("ar", "قرَّر أن ينشئ فريقا عاملا؛", "قرَّر أن ينشئ فريقا عاملا."),
    ],
)
def test_a_decisions_paragraph_ends_the_sentence_that_cites_it(language, paragraph, clause):
    assert style.style_for(language).clause(paragraph) == clause


# A label and what it introduces, an aside after a word: Chinese sets both in full-width marks
# without spaces; the other languages as their sources write them (the French note's title
# "… s'y rapportant: Protocole …" has no space before the colon).
PUNCTUATION = {
    "en": ("Documents of the meeting: Sixth session", "Report (not edited)"),
    "fr": ("Documents de la réunion: Sixième session", "Rapport (non édité)"),
    "es": ("Documentos de la reunión: Sexto período de sesiones", "Informe (no editado)"),
    "ru": ("Документы совещания: Шестая сессия", "Доклад (неотредактированный)"),
    "zh-hans": ("会议文件：第六届会议", "报告（未经编辑）"),
    "ar": ("وثائق الاجتماع: الدورة السادسة", "التقرير (غير منقَّح)"),
}


@pytest.mark.parametrize(("language", "expected"), PUNCTUATION.items())
def test_colon_and_aside(language, expected):
    colon, aside = expected
    label, text = colon.replace("：", ": ").split(": ", 1)
    word, note = aside.replace("（", " (").rstrip(")）").split(" (", 1)
    assert style.colon(label, text, language) == colon
    assert word + style.aside(note, language) == aside


# The same marks around markup: the bare {% colon %} between a label and a text that hold
# markup, {% blockaside %} around an aside that does; what they enclose is escaped as usual.
MARKUP = (
    '{% load wgportal %}<a href="/d">4/1</a>{% colon %}{{ title }}'
    '{% blockaside %}<span class="symbol">{{ symbol }}</span>{% endblockaside %}'
)
MARKED = {
    "en": '<a href="/d">4/1</a>: A &amp; B (<span class="symbol">CTOC/COP/2008/1</span>)',
    "zh-hans": '<a href="/d">4/1</a>：A &amp; B（<span class="symbol">CTOC/COP/2008/1</span>）',
    "ar": '<a href="/d">4/1</a>: A &amp; B (<span class="symbol">CTOC/COP/2008/1</span>)',
}


@pytest.mark.parametrize(("language", "expected"), MARKED.items())
def test_colon_and_aside_around_markup(language, expected):
    context = {"title": "A & B", "symbol": "CTOC/COP/2008/1"}
    with translation.override(language):
        assert Template(MARKUP).render(Context(context)) == expected


def test_an_aside_in_plain_text_is_not_escaped():
    text = "{% load wgportal %}{% autoescape off %}{{ name }}{% blockaside %}{{ state }}"
    text += "{% endblockaside %}{% endautoescape %}"
    with translation.override("zh-hans"):
        assert Template(text).render(Context({"name": "A & B", "state": "<法国>"})) == (
            "A & B（<法国>）"
        )


def test_a_blockaside_takes_no_arguments():
    with pytest.raises(TemplateSyntaxError, match="takes no arguments"):
        Template("{% load wgportal %}{% blockaside x %}y{% endblockaside %}")


@pytest.mark.parametrize("language", style.STYLES)
def test_the_marks_hold_no_markup(language):
    # {% blockaside %} marks its result safe: its marks must never need escaping.
    conventions = style.style_for(language)
    for pattern in (conventions.colon_pattern, conventions.aside_pattern):
        assert not set(pattern) & set("<>&\"'")
