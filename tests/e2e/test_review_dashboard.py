"""The Bureau's dashboard in Chromium: no sideways scrolling at 1280 px or 390 px in any of the
six languages, its details closed or all open, and saving an assessment lands on the candidate."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from submissions.models import CallForTopics
from tests.e2e.test_proposing import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)
LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")

# What sticks out: of the page, of the main column, and any element of the main column whose
# box crosses the column's content box (overflow into the padding does not scroll, but shows).
OVERFLOW = """() => {
  const page = document.documentElement, main = document.querySelector("main");
  const box = main.getBoundingClientRect(), style = getComputedStyle(main);
  const left = box.left + parseFloat(style.paddingLeft) - 1;
  const right = box.right - parseFloat(style.paddingRight) + 1;
  const out = [...main.querySelectorAll("*")].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && (r.left < left || r.right > right);
  }).map(e => e.tagName + (e.className ? "." + e.className : "") + (e.id ? "#" + e.id : ""));
  return {page: page.scrollWidth - page.clientWidth, main: main.scrollWidth - main.clientWidth,
          out: out.slice(0, 5)};
}"""


def dashboard(call, language):
    with translation.override(language):
        return reverse("submissions:review", args=[call.pk])


def test_the_dashboard_fits_the_screen_in_every_language(committed_demo, page):
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    sign_in(page, "fr", "president")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for language in LANGUAGES:
            page.goto(dashboard(call, language))
            expect(page.locator("tr.candidate")).to_have_count(call.candidates.count())
            measured = page.evaluate(OVERFLOW)
            assert measured == {"page": 0, "main": 0, "out": []}, (width, language, measured)
            # The disclosed States, assessments and forms fit as well.
            page.evaluate(
                "document.querySelectorAll('table.review details').forEach(d => d.open = true)"
            )
            measured = page.evaluate(OVERFLOW)
            assert measured == {"page": 0, "main": 0, "out": []}, (
                width,
                language,
                "open",
                measured,
            )


@pytest.mark.parametrize("language, width", [("en", 1280), ("ar", 390)])
def test_saving_an_assessment_lands_on_the_candidate(committed_demo, page, language, width):
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    candidate = call.candidates.order_by("-position")[2]  # far down the page
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, language, "bureau-ng")
    page.goto(dashboard(call, language))
    row = page.locator(f"#candidate-{candidate.pk}")
    details = page.locator(f"#candidate-{candidate.pk} + tr.more details")
    expect(details.locator("select")).to_be_hidden()
    details.locator("summary").press("Enter")  # by keyboard: the summary is focusable
    details.locator("select").select_option("3")
    details.locator("textarea").fill("Un sujet d'actualité.")
    details.locator("button[type=submit]").click()

    expect(page).to_have_url(f"{page.url.split('#')[0]}#candidate-{candidate.pk}")
    expect(row).to_be_in_viewport()
    message = page.locator(f"#candidate-{candidate.pk} + tr.more .message.success")
    expect(message).to_be_in_viewport()
    with translation.override(language):
        expect(message).to_have_text(
            translation.gettext("Your assessment of “%(title)s” is saved.")
            % {"title": candidate.title}
        )
    assert page.evaluate("window.scrollY") > 0
    details.locator("summary").click()
    expect(details.locator("textarea")).to_have_value("Un sujet d'actualité.")
