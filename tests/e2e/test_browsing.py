"""A reader in Chromium: arrives in their browser's language, follows a mandate, switches to
Arabic and gets a right-to-left page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_reader_follows_the_mandate_and_switches_to_arabic(committed_demo, page):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/fr/$"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    page.get_by_role("link", name="Décisions").first.click()
    page.get_by_role("link", name="Décision 4/4").click()
    expect(page.locator("#para-o-i")).to_contain_text("Faciliter l'application du Protocole")

    page.locator("#para-n").get_by_role(
        "link", name="Groupe de travail sur la traite des personnes", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"/fr/bodies/working-group-trafficking/$"))
    page.get_by_role("link", name=re.compile("Première réunion intersessions")).first.click()
    expect(page.locator("table.work")).to_contain_text("Ouverture de la réunion")

    page.get_by_role("button", name="العربية").click()
    expect(page).to_have_url(re.compile(r"/ar/meetings/wg-2009/$"))
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    # Right-to-left for real: the portal's name sits at the right end of the header.
    width = page.viewport_size["width"]
    assert page.locator("a.brand").bounding_box()["x"] > width / 2
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/meetings/wg-2009/$"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    assert page.locator("a.brand").bounding_box()["x"] < width / 2
