"""Labels, colons and asides on the pages, in the e-mails and in the PDFs, as each language
writes them: Chinese in full-width marks without spaces ("编号：CU…", "标题（CTOC/…）"), never
ASCII ones; Arabic with its references isolated so that they keep their own order."""

import re
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from decisions.models import Decision
from meetings.models import Meeting, MemberState
from submissions import note_verbale, outbox, services
from submissions.models import CallForTopics
from wgportal import pdf
from wgportal.style import isolate
from wgportal.translations import translation_gaps

pytestmark = pytest.mark.django_db

# An ASCII colon or bracket where a Chinese page writes its own: after a Chinese character or a
# closing tag, or before a tag or a Chinese character (never inside a URL, a time or a symbol).
CJK = "\u4e00-\u9fff"
ASCII_MARKS = re.compile(rf"[{CJK}>]\s?[:(]|[:)]\s?[<{CJK}]| \(<")
# List labels keep their ASCII brackets in Chinese, as UN Chinese documents write them: "(a)".
LABEL = re.compile(r"\([a-z0-9]{1,5}\)")


def text_of(html):
    """The page's text and tags without its head, scripts, list labels and the attributes'
    values (a URL's colon, "aria-label" text), which are no punctuation of the page's."""
    body = html.split("<body", 1)[1] if "<body" in html else html
    body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S)
    return LABEL.sub("", re.sub(r'="[^"]*"', '=""', body))


def ascii_marks(html):
    return ASCII_MARKS.findall(text_of(html))


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def user(username):
    return get_user_model().objects.get(username=username)


def test_a_meetings_page_in_chinese(client):
    page = client.get("/zh-hans/meetings/wg-2009/").content.decode()
    assert re.search(r'[^ ]（<(a|span) class="symbol"', page)  # a document's symbol
    assert "授权：<a" in page and "PDF：<a" in page
    assert ascii_marks(page) == []


def test_the_decisions_and_a_bodys_page_in_chinese(client):
    decisions = client.get("/zh-hans/decisions/").content.decode()
    assert '<span class="meta">（' in decisions and "</a>：" in decisions
    body = client.get("/zh-hans/bodies/working-group-trafficking/").content.decode()
    assert "隶属于：<a" in body and "</a>：" in body
    assert re.search(r"根据<a [^>]+>[^<]+</a>设立。", body)  # no "设立依据： <a>…</a>."
    for page in (decisions, body):
        assert ascii_marks(page) == []


def test_the_follow_up_of_recommendations_in_chinese(client):
    page = client.get("/zh-hans/bodies/working-group-trafficking/recommendations/")
    page = page.content.decode()
    assert "对象：" in page and "对象: " not in page
    assert ascii_marks(page) == []


@pytest.fixture
def france():
    return user("delegate-fr")


@pytest.fixture
def submitted(open_call, france):
    data = {"title": "Non-punishment", "description": "D", "rationale": "", "area": None}
    return services.save_draft(
        user=france, call=open_call, data={**data, "language": "en"}, submit=True
    )


def test_a_delegates_receipt_and_deadline_in_chinese(client, france, submitted):
    client.force_login(france)
    receipt = client.get(url_in("zh-hans", "submissions:receipt", submitted.pk))
    receipt = receipt.content.decode()
    assert f'编号：<strong class="reference">{submitted.reference}</strong>' in receipt
    assert ascii_marks(receipt) == []
    detail = client.get(url_in("zh-hans", "submissions:detail", submitted.pk))
    detail = detail.content.decode()
    assert "截止时间：<strong>" in detail and "（您的当地时间：<time" in detail
    assert ascii_marks(detail) == []


def test_a_delegates_receipt_in_arabic_keeps_the_references_order(client, france, submitted):
    # The reference is isolated by its class (it is copied as it is, without isolates).
    client.force_login(france)
    page = client.get(url_in("ar", "submissions:receipt", submitted.pk)).content.decode()
    assert 'المرجع: <strong class="reference">CU 2011/40 (A)/FRA/1</strong>' in page
    css = (settings.BASE_DIR / "wgportal/static/wgportal/portal.css").read_text()
    rule = re.search(r"\n\.reference \{([^}]*)\}", css).group(1)
    assert "unicode-bidi: isolate" in rule and "direction: ltr" in rule


def test_the_review_in_chinese(client):
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    client.force_login(user("secretariat"))
    dashboard = client.get(url_in("zh-hans", "submissions:review", call.pk))
    dashboard = dashboard.content.decode()
    candidate = call.candidates.filter(assessments__isnull=False).first() or call.candidates.first()
    url = url_in("zh-hans", "submissions:review_candidate", call.pk, candidate.pk)
    page = client.get(url).content.decode()
    for html in (dashboard, page):
        assert re.search(rf"[{CJK}]：\d", html)  # a region's count
        assert re.search(r"个国家提出：\S", html)  # the States that proposed it
        assert ascii_marks(html) == []
    assert re.search(r'<span class="meta">（[^）<]+）</span></h3>', page)  # the language
    assert "中文：</label>" in page  # a form's label, where Django's catalogue writes "中文:"


def test_the_texts_a_language_lacks_are_named_with_its_colon():
    decision = Decision(title_en="Trafficking in persons", title_fr="Traite des personnes")
    with translation.override("zh-hans"):
        gaps = translation_gaps([("第4/4号决定", decision, "title")])
    assert gaps["zh-hans"] == ["第4/4号决定：标题"]


def test_the_agenda_and_the_note_verbale_in_chinese():
    meeting = Meeting.objects.get(slug="wg-2009")
    context = {"meeting": meeting, "agenda": meeting.agenda}
    agenda = pdf.render_html("pdf/agenda.html", context, "zh-hans")
    assert '（<span class="symbol-inline" lang="en">' in agenda
    assert ' (<span class="symbol-inline"' not in agenda
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    state = MemberState.objects.get(iso3="FRA")
    blocks = note_verbale.paragraphs(call, state.mission, "zh-hans")
    context = {"call": call, "state": state, "mission": state.mission, "blocks": blocks}
    note = pdf.render_html("pdf/note_verbale.html", context, "zh-hans")
    assert '编号：<span class="running">' in note
    assert re.search(r'name="description" content="普通照会：[^"]+"', note)
    for html in (agenda, note):
        assert ascii_marks(html) == []


def digest_and_outcome(language):
    call = SimpleNamespace(
        reference="CU 2009/92 (A)",
        deadline=None,
        meeting=SimpleNamespace(title="第六届会议"),
    )
    with translation.override(language):
        area = SimpleNamespace(letter="a", title="不惩处被害人")
        digest = outbox.compose(
            "digest",
            {"call": call, "states": 3, "proposals": 4, "areas": [(area, 3)], "other": 1},
            language,
        )[1]
        proposal = SimpleNamespace(
            reference="CU 2009/92 (A)/FRA/1",
            title="不惩处被害人",
            candidate=SimpleNamespace(selection_rank=1),
        )
        outcome = outbox.compose(
            "outcome",
            {
                "call": call,
                "selected": [],
                "state": SimpleNamespace(short_name="法国"),
                "proposals": [proposal],
            },
            language,
        )[1]
    return digest, outcome


def test_the_e_mails_in_chinese_and_arabic():
    digest, outcome = digest_and_outcome("zh-hans")
    assert "(a) 不惩处被害人：3" in digest
    assert re.search(r"（[^)）]+）：1", digest)  # another topic, with its aside, then its count
    assert "CU 2009/92 (A)/FRA/1：不惩处被害人" in outcome
    for text in (digest, outcome):
        assert not re.search(rf"[{CJK}]: |: [{CJK}]", text)
    _digest, outcome = digest_and_outcome("ar")
    assert f"{isolate('CU 2009/92 (A)/FRA/1')}: " in outcome
