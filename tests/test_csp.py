"""Every page carries the strict Content-Security-Policy, and no page holds inline script or
style (which the policy would block): public pages, a delegate's, the Bureau's, and the admin's
lists, forms and histories for every model."""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from submissions.models import CallForTopics, CandidateTopic, TopicProposal
from tests.test_admin import make_missing
from tests.test_pages import PAGES

pytestmark = pytest.mark.django_db

REQUIRED = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
]


class InlineFinder(HTMLParser):
    """Inline scripts and styles: a <script> without src, a <style> block, a style attribute,
    an on… event handler attribute, a javascript: address."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
            self.found.append(f"<script> without src: {attrs}")
        if tag == "style":
            self.found.append("<style> block")
        for name, value in attrs.items():
            if name == "style":
                self.found.append(f"style attribute on <{tag}>: {value}")
            if name.startswith("on"):
                self.found.append(f"{name} handler on <{tag}>")
            if name in ("href", "src", "action") and (value or "").startswith("javascript:"):
                self.found.append(f"javascript: address on <{tag}>")


def check(response):
    assert response.status_code == 200, response.status_code
    policy = response["Content-Security-Policy"]
    for directive in REQUIRED:
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    finder = InlineFinder()
    finder.feed(response.content.decode())
    assert finder.found == []


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_public_pages(client, name, args):
    check(client.get(reverse(name, args=args)))


@pytest.mark.parametrize("name", ["login", "password_reset", "password_reset_done"])
def test_account_pages(client, name):
    check(client.get(reverse(name)))


def test_a_delegates_pages(client, open_call):
    client.force_login(get_user_model().objects.get(username="delegate-fr"))
    check(client.get(reverse("submissions:home")))
    check(client.get(reverse("submissions:new", args=[open_call.pk])))
    client.post(
        reverse("submissions:new", args=[open_call.pk]),
        {"title": "T", "description": "D", "language": "en", "submit": ""},
    )
    proposal = TopicProposal.objects.get(call=open_call)
    for name in ("detail", "edit", "receipt"):
        check(client.get(reverse(f"submissions:{name}", args=[proposal.pk])))


def test_the_bureaus_pages(client):
    client.force_login(get_user_model().objects.get(username="president"))
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    check(client.get(reverse("submissions:home")))
    for name in ("call_proposals", "review", "selection"):
        check(client.get(reverse(f"submissions:{name}", args=[call.pk])))
    candidate = CandidateTopic.objects.filter(call=call).first()
    check(client.get(reverse("submissions:review_candidate", args=[call.pk, candidate.pk])))


def test_the_secretariats_pages(secretariat_client):
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    check(secretariat_client.get(reverse("submissions:overview", args=[call.pk])))
    check(secretariat_client.get(reverse("admin:index")))


@pytest.mark.parametrize(
    "model",
    [model for model in apps.get_models() if admin.site.is_registered(model)],
    ids=lambda model: model._meta.label_lower,
)
def test_admin_pages_of_every_model(client, model):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(root)
    opts = model._meta

    def url(view, *args):
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)

    check(client.get(url("changelist")))
    model_admin = admin.site.get_model_admin(model)
    request = client.get(url("changelist")).wsgi_request
    if model_admin.has_add_permission(request):
        check(client.get(url("add")))
    instance = model._default_manager.first() or make_missing(model, root)
    if instance is not None:
        check(client.get(url("change", instance.pk)))
        check(client.get(url("history", instance.pk)))
