"""The API's Swagger UI page in Chromium: it draws every operation from the description, with
no request leaving the portal and nothing refused by the Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_swagger_page_works_offline_under_the_policy(committed_demo, page, live_server):
    problems, elsewhere = [], []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("request", lambda r: r.url.startswith(live_server.url) or elsewhere.append(r.url))
    page.goto("/api/v1/docs/")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    expect(page.locator(".opblock")).to_have_count(12)
    page.locator(".opblock-summary", has_text="/api/v1/meetings/{slug}").click()
    page.get_by_role("button", name="Try it out").click()
    page.locator("input[placeholder=slug]").fill("wg-2009")
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table td.response-col_status").nth(1)).to_have_text("200")
    assert problems == []
    assert elsewhere == []
