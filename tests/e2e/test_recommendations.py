"""A reader in Arabic follows the Working Group's recommendations from its page to what the
Conference did with them: a right-to-left page whose numbers and references keep their own
order, filtered by a form that works without JavaScript, and exported as CSV."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LRI, PDI = "\u2066", "\u2069"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_follow_up_page_in_arabic(committed_demo, browser, live_server, javascript):
    context = browser.new_context(
        locale="ar", base_url=live_server.url, java_script_enabled=javascript
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/ar/bodies/working-group-trafficking/")
    section = page.locator("section[aria-labelledby=recommendations-title]")
    expect(section.get_by_role("heading", level=2)).to_have_text("التوصيات")
    expect(section).to_contain_text("اعتُمدت في اجتماع 14 و15 نيسان/أبريل 2009")
    section.get_by_role("link", name="ما آلت إليه كل توصية").click()

    expect(page).to_have_url(re.compile(r"/ar/bodies/working-group-trafficking/recommendations/$"))
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    assert page.evaluate("getComputedStyle(document.querySelector('table')).direction") == "rtl"
    # The table's first column is at the right, as Arabic reads.
    cells = page.locator("table.recommendations thead th")
    assert cells.first.bounding_box()["x"] > cells.last.bounding_box()["x"]
    # Numbers isolated left to right inside the Arabic text.
    numbers = page.locator("td.number").all_text_contents()
    assert numbers[:3] == [f"{LRI}1{PDI}", f"{LRI}2{PDI}", f"{LRI}3{PDI}"]
    expect(page.locator("span.demo").first).to_have_text("نص تجريبي")

    # The filters, by keyboard: the outcome "taken up", then the form's button.
    page.get_by_label("المتابعة").select_option("taken_up")
    page.get_by_role("button", name="تصفية").press("Enter")
    expect(page).to_have_url(re.compile(r"outcome=taken_up"))
    expect(page.locator("table caption")).to_have_text("توصية واحدة")
    row = page.locator("table.recommendations tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("27-29 كانون الثاني/يناير 2010")
    expect(row).to_contain_text("أُخذ بها")
    link = row.locator("a[href*='/decisions/']")
    expect(link).to_contain_text("5/2")
    expect(link).to_have_attribute("href", "/ar/decisions/5/2/#para-a")

    with page.expect_download() as download:
        page.get_by_role("link", name="تصدير بصيغة CSV").click()
    text = Path(download.value.path()).read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "الاجتماع" and len(rows) == 2
    assert rows[1][7] == "أُخذ بها"

    link.click()
    expect(page).to_have_url(re.compile(r"/ar/decisions/5/2/#para-a$"))
    context.close()
