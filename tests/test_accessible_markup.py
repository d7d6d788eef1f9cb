"""Markup a screen reader relies on, checked without a browser: each field's description names
its help and its errors by ids the page has, and times are written as HTML reads them. (The
browser tests run axe-core and the Nu HTML Checker over every page.)"""

import datetime
import re
import zoneinfo
from html.parser import HTMLParser

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wgportal.templatetags.wgportal import machine_time

pytestmark = pytest.mark.django_db


class Described(HTMLParser):
    """The ids of a page, and the ids each field's aria-describedby names."""

    def __init__(self, html):
        super().__init__()
        self.ids, self.described = set(), {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "aria-describedby" in attrs:
            self.described[attrs.get("id")] = attrs["aria-describedby"].split()


def described(response):
    assert response.status_code == 200
    page = Described(response.content.decode())
    missing = {field: ids for field, ids in page.described.items() if set(ids) - page.ids}
    assert not missing, f"aria-describedby names ids the page lacks: {missing}"
    return page.described


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_proposal_forms_fields_are_described_by_their_limits_and_errors(
    open_call, client, django_user_model, language
):
    client.force_login(django_user_model.objects.get(username="delegate-fr"))
    with translation.override(language):
        address = reverse("submissions:new", args=[open_call.pk])
    fields = described(client.get(address))
    assert fields["id_title"] == ["id_title_helptext"]
    assert fields["id_language"] == ["id_language_helptext"]

    refused = described(client.post(address, {"title": "", "save": ""}))
    assert refused["id_title"] == ["id_title_helptext", "id_title_error"]


def test_the_new_password_fields_rules_are_their_description(client, django_user_model):
    user = django_user_model.objects.get(username="delegate-fr")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    response = client.get(reverse("password_reset_confirm", args=[uid, token]), follow=True)
    fields = described(response)
    assert fields["id_new_password1"] == ["id_new_password1_helptext"]
    # The rules are a list: their container is a block that may hold one, not a paragraph.
    assert re.search(r'<div class="help" id="id_new_password1_helptext"><ul>', response.text)


def test_a_machine_readable_time_has_whole_seconds_and_its_offset():
    vienna = zoneinfo.ZoneInfo("Europe/Vienna")
    instant = datetime.datetime(2009, 7, 31, 23, 59, 59, 378429, tzinfo=vienna)
    assert machine_time(instant) == "2009-07-31T23:59:59+02:00"
    assert machine_time(instant.astimezone(datetime.UTC)) == "2009-07-31T21:59:59+00:00"
    assert machine_time(None) == ""
