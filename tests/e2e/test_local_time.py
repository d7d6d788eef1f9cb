"""A delegate whose browser is in Tokyo reads the deadline in Vienna time, as the portal gives
it, and in their own time, as their browser gives it: the same instant."""

import datetime
import zoneinfo

import pytest
from playwright.sync_api import expect

from submissions.models import CallForTopics
from tests.e2e.test_proposing import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


@pytest.fixture
def tokyo_page(browser, live_server):
    context = browser.new_context(
        locale="en-GB", timezone_id="Asia/Tokyo", base_url=live_server.url
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_a_browser_in_tokyo_sees_the_deadline_in_its_own_time(
    committed_demo, open_call, tokyo_page
):
    day = datetime.date.today() + datetime.timedelta(days=10)
    deadline = datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=VIENNA)
    CallForTopics.objects.filter(pk=open_call.pk).update(deadline=deadline)
    sign_in(tokyo_page, "en", "delegate-fr")
    section = tokyo_page.locator("section.call", has_text="CU 2011/40 (A) ·")
    vienna = f"{day.day} {day:%B %Y}, 11.59 p.m. (Vienna time)"
    expect(section.locator(".deadline strong")).to_have_text(vienna)
    local = deadline.astimezone(TOKYO)
    line = section.locator(".local-time")
    expect(line).to_be_visible()
    expect(line).to_contain_text(f"{local.day} {local:%B %Y}")
    expect(line).to_contain_text(f"{local:%H:%M}")
    expect(line).to_contain_text("Japan Standard Time")
