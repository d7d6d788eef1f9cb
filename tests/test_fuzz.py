"""Hostile input on every page: for each URL pattern reachable by each kind of user (found by
following the portal's own links and forms, plus the admin's add and change form of every
model), hypothesis makes query strings and form bodies (long strings, any unicode, NULs,
numbers such as "²", negative and huge ids, SQL and HTML fragments, wrong types, fields left
out). No answer may be a 500. A fixed seed and a small budget keep the run short and the same
in CI."""

import contextlib
import html.parser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

HOSTILE = [
    "²",
    "٣",
    "-1",
    "0",
    "99999999999999999999",
    "1.5",
    "1e9",
    "true",
    "null",
    "",
    " ",
    "\x00",
    "a\x00b",
    "' OR 1=1 --",
    "1; DROP TABLE auth_user",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "%(x)s",
    "../../etc/passwd",
    "x" * 5000,
    "\u202e\u200f",
    "2026-02-30T25:61",
    '=HYPERLINK("http://x")',
]
value = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
# Links that end the session or would leave the crawl: never followed.
NOT_FOLLOWED = ("logout", "/i18n/", "password_change", "/static/", "/media/")
SETTINGS = settings(
    derandomize=True,
    max_examples=2,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


FIELDS = ("input", "select", "textarea", "button")


class Page(html.parser.HTMLParser):
    """The links of a page and the field names of its forms, by form action."""

    def __init__(self, url):
        super().__init__()
        self.url, self.links, self.forms, self.form = url, set(), {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.add(attrs["href"])
        elif tag == "form":
            action = attrs.get("action") or self.url
            self.form = self.forms.setdefault(action, set())
        elif tag in FIELDS and self.form is not None and attrs.get("name"):
            self.form.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None


def pattern(path):
    """The URL pattern a path answers to (its name and namespace), or None outside the
    portal."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name or match.route


def crawl(client, starts, limit=70):
    """One URL per pattern, with the form fields seen on it: the pages reachable from
    ``starts`` by links."""
    found, queue = {}, list(starts)
    while queue and len(found) < limit:
        url = urlsplit(queue.pop(0))
        if url.netloc or not url.path.startswith("/") or any(n in url.path for n in NOT_FOLLOWED):
            continue
        name = pattern(url.path)
        if name is None or name in found:
            continue
        response = client.get(url.path)
        fields = set()
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            page = Page(url.path)
            page.feed(response.content.decode())
            queue += sorted(page.links)
            for action, names in page.forms.items():
                fields |= names
                queue.append(urlsplit(action).path or url.path)
        found[name] = (url.path, fields)
    return found


def admin_forms():
    """The admin's add form and first change form of every model it shows."""
    urls = []
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        info = model._meta.app_label, model._meta.model_name
        urls.append(reverse("admin:{}_{}_add".format(*info)))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            with contextlib.suppress(NoReverseMatch):
                urls.append(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
    return urls


def fuzz(client, pages):
    """Hostile GETs and POSTs on each page; the 500s found."""
    failures = []
    for path, fields in pages.values():
        fuzz_page(client, path, sorted(fields) or ["id", "pk", "q"], failures)
    for failure in failures:
        print("500:", failure[:3])
    return failures


def fuzz_page(client, path, names, failures):
    @SETTINGS
    @given(
        params=st.dictionaries(st.sampled_from([*names, "o", "p", "order"]), value, max_size=4),
        body=st.dictionaries(
            st.sampled_from(names),
            st.one_of(value, st.lists(value, min_size=2, max_size=3)),
            max_size=len(names),
        ),
    )
    def hostile(params, body):
        for method, data in (("get", params), ("post", body)):
            response = getattr(client, method)(path, data)
            if response.status_code >= 500:
                error = getattr(response, "exc_info", None)
                failures.append((method, path, repr(error and error[1])[:200], data))

    hostile()


@pytest.fixture
def fuzz_client(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("username", [None, "delegate-fr", "president", "bureau-ng"])
def test_no_page_answers_hostile_input_with_an_error(fuzz_client, django_user_model, username):
    if username:
        fuzz_client.force_login(django_user_model.objects.get(username=username))
    pages = crawl(fuzz_client, ["/en/", "/en/proposals/", "/en/accounts/login/", "/en/admin/"])
    assert len(pages) > 3
    assert fuzz(fuzz_client, pages) == []


def test_no_admin_form_answers_hostile_input_with_an_error(fuzz_client, django_user_model):
    secretariat = django_user_model.objects.get(username="secretariat")
    fuzz_client.force_login(secretariat)
    pages = crawl(fuzz_client, ["/en/admin/", "/en/proposals/", *admin_forms()], limit=150)
    assert len(pages) > 20
    assert fuzz(fuzz_client, pages) == []


def test_the_superusers_admin_forms_answer_hostile_input_without_an_error(
    fuzz_client, django_user_model
):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw-long-1")
    fuzz_client.force_login(root)
    pages = crawl(fuzz_client, ["/en/admin/auth/user/", "/en/admin/auth/group/"], limit=15)
    assert fuzz(fuzz_client, pages) == []
