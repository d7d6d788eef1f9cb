"""Delegates in Chromium: propose, submit, get the receipt; another State cannot reach it;
the same in Arabic, right to left; a withdrawal through its question, without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from wgportal.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page, language, username):
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{language}/proposals/$"))


def propose_and_submit(page, title):
    page.locator("a[href*='/new/']").first.click()
    page.locator("#id_title").fill(title)
    page.locator("#id_description").fill("Comment les États appliquent ce principe.")
    page.locator("#id_area").select_option(index=1)
    page.locator("#id_language").select_option("fr")
    page.locator("button[name=save]").click()  # a draft first
    expect(page.locator(".status.draft")).to_be_visible()
    page.locator("form[action$='/submit/'] button").click()
    expect(page.locator(".receipt")).to_be_visible()
    return page.locator(".receipt .reference").inner_text()


def test_french_delegate_proposes_and_another_state_cannot_reach_it(
    committed_demo, open_call, page
):
    sign_in(page, "fr", "delegate-fr")
    reference = propose_and_submit(page, "La non-sanction des victimes")
    assert reference == "CU 2011/40 (A)/FRA/1"
    receipt_url = page.url

    pdf = page.request.get(page.locator("a[href$='receipt.pdf']").get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    page.goto("/fr/proposals/")
    listed = page.locator("section.call", has_text="CU 2011/40 (A) ·")
    expect(listed).to_contain_text(reference)
    expect(listed).to_contain_text("La non-sanction des victimes")

    page.locator("nav.account button").click()  # sign out
    sign_in(page, "fr", "delegate-eg")
    expect(page.locator("main")).not_to_contain_text(reference)
    response = page.goto(receipt_url)
    assert response.status == 404


def test_arabic_delegate_proposes_on_a_right_to_left_page(committed_demo, open_call, page):
    sign_in(page, "ar", "delegate-eg")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    reference = propose_and_submit(page, "عدم معاقبة الضحايا")
    assert reference == "CU 2011/40 (A)/EGY/1"
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    width = page.viewport_size["width"]
    assert page.locator("a.brand").bounding_box()["x"] > width / 2


def test_a_delegate_withdraws_through_the_question_without_javascript(
    committed_demo, open_call, browser, live_server
):
    context = browser.new_context(
        locale="fr-FR", base_url=live_server.url, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        sign_in(page, "fr", "delegate-fr")
        reference = propose_and_submit(page, "Le retrait d'une proposition")
        page.goto("/fr/proposals/")
        page.locator("section.call a", has_text=reference).click()
        page.locator("a[href$='/withdraw/']").click()
        expect(page.locator("h1")).to_have_text(f"Retirer {reference} ?")
        expect(page.locator(".notice")).to_contain_text("Aucun message n'est envoyé")
        page.locator("button[name=confirm]").click()
        expect(page.locator(".status.withdrawn")).to_be_visible()
        assert open_call.proposals.get().status == "withdrawn"
    finally:
        context.close()
