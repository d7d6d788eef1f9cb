"""Issuing a provisional agenda from the admin: the page says what it makes final, and the
agenda is issued only when that page is confirmed."""

import pytest
from django.urls import reverse

from meetings.models import ProvisionalAgenda

pytestmark = pytest.mark.django_db


def test_issuing_an_agenda_says_what_becomes_final_and_waits_for_post(secretariat_client):
    agenda = ProvisionalAgenda.objects.get(document__symbol="CTOC/COP/WG.4/2010/1")
    ProvisionalAgenda.objects.filter(pk=agenda.pk).update(issued_at=None)
    url = reverse("admin:meetings_provisionalagenda_changelist")
    data = {"action": "issue", "_selected_action": [agenda.pk]}
    for refused in ({}, {"post": ""}):
        page = secretariat_client.post(url, {**data, **refused}).content.decode()
        assert "the Bureau can no longer reopen the selection" in page
        assert "nobody is told by e-mail" in page and 'name="post" value="yes"' in page
        assert ProvisionalAgenda.objects.get(pk=agenda.pk).issued_at is None
    assert secretariat_client.post(url, {**data, "post": "yes"}).status_code == 302
    assert ProvisionalAgenda.objects.get(pk=agenda.pk).issued_at is not None
