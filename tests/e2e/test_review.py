"""The Bureau in Chromium: two members assess, the President selects three topics, a fourth is
refused with a message, the selection is finalized once confirmed, and the agenda page lists
the topics in French and in Arabic."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from submissions.models import CallForTopics
from tests.e2e.test_proposing import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def url(name, *args, language="fr"):
    with translation.override(language):
        return reverse(name, args=args)


def sign_out(page):
    page.locator("nav.account button").click()


def assess(page, call, candidate, support, comment):
    page.goto(url("submissions:review", call.pk))
    details = page.locator(f"#candidate-{candidate.pk} + tr details")
    details.locator("summary").click()
    details.locator("select").select_option(str(support))
    details.locator("textarea").fill(comment)
    details.locator("form.assess button").click()
    expect(page.locator(".message.success")).to_be_visible()
    expect(details.locator("textarea")).to_have_value(comment)


def test_the_bureau_assesses_selects_three_and_the_agenda_lists_them(committed_demo, page):
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    candidates = list(call.candidates.exclude(area=None).order_by("position")[:4])

    sign_in(page, "fr", "bureau-ng")
    assess(page, call, candidates[0], 4, "Priorité pour notre région.")
    sign_out(page)
    sign_in(page, "fr", "bureau-ph")
    assess(page, call, candidates[0], 3, "Utile.")
    mean = page.locator(f"#candidate-{candidates[0].pk} td[data-label]").nth(3)
    expect(mean).to_have_text("3,50")  # in French
    sign_out(page)

    sign_in(page, "fr", "president")
    page.goto(url("submissions:review", call.pk))
    for candidate in candidates:
        page.locator(f"#candidate-{candidate.pk} button[value=select]").click()
    with translation.override("fr"):
        refusal = translation.gettext(
            "%(count)s topics are selected already, as many as the Bureau selects for this "
            "call. Take one out of the selection before adding another."
        ) % {"count": 3}
    expect(page.locator(".message.error")).to_have_text(refusal)
    candidates[3].refresh_from_db()
    assert candidates[3].selection_rank is None

    page.goto(url("submissions:selection", call.pk))
    expect(page.locator("ol.selection > li")).to_have_count(3)
    page.locator("#id_bureau_meeting").select_option(
        label="Réunion du Bureau de la Conférence, 15 septembre 2009"
    )
    page.locator("#id_placement").select_option("subitems:2")
    page.locator("form[action$='/finalise/'] button").click()
    # The question first: what happens and whom it tells; then the confirmation.
    expect(page.locator("h1")).to_have_text("Finaliser la sélection ?")
    expect(page.locator(".notice")).to_contain_text("mission permanente")
    page.locator("button[name=confirm]").click()
    expect(page.locator(".message.success")).to_be_visible()

    for language in ("fr", "ar"):
        page.goto(url("meetings:detail", call.meeting.slug, language=language))
        agenda = page.locator("ol.agenda-list")
        with translation.override(language):
            for candidate in candidates[:3]:
                candidate.refresh_from_db()
                expect(agenda).to_contain_text(candidate.title)
        if language == "ar":
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
