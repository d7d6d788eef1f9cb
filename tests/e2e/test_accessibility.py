"""Every public page, the sign-in and password pages, the delegates' and the Bureau's pages, in
English and in Arabic: axe-core finds no violation of WCAG 2.1 A and AA or of its best
practices in Chromium, and the Nu HTML Checker finds no error in the HTML the portal sent.
The keyboard's focus is drawn as a ring that can be seen on light and dark buttons."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from submissions.models import CallForTopics, TopicProposal
from tests.conftest import need
from tests.e2e.test_proposing import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
LANGUAGES = ["en", "ar"]
CALL = "CU 2009/92 (A)"
# A page with a known error (a time that is no time): the checker must report it, or it read
# nothing (a file it cannot find gives no message).
CONTROL = '<!DOCTYPE html><html lang="en"><title>Control</title><p><time datetime="noon"></time>'

# Names of elements that are not in the page: axe-core leaves them for a person to review and
# the HTML checker lets them pass, yet a screen reader then announces nothing.
MISSING_IDS = """() => {
  const names = ["aria-describedby", "aria-labelledby", "aria-controls", "aria-errormessage"];
  return names.flatMap((name) => [...document.querySelectorAll(`[${name}]`)].flatMap(
    (element) => element.getAttribute(name).split(/\\s+/)
      .filter((id) => id && !document.getElementById(id))
      .map((id) => `<${element.localName} id="${element.id}"> ${name}: no "${id}" in the page`)));
}"""

# Only the violations are detailed: the passes would cost time for nothing.
RUN_AXE = """(tags) => axe.run(document, {
  runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]}).then(
  (results) => results.violations.map((v) => ({
    id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")),
  })))"""


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def checkers():
    problem = None
    if not (AXE.exists() and VNU.exists()):
        problem = "node_modules has no axe-core or vnu-jar (make node-packages)"
    elif not shutil.which("java"):
        problem = "java is not installed (Debian's default-jre-headless)"
    need("axe-core and the Nu HTML Checker", problem)


class Checked:
    """The pages seen so far: axe-core's violations on each, and each page's HTML as sent, kept
    in a folder for one run of the Nu HTML Checker at the end (its JVM is slow to start)."""

    def __init__(self, folder):
        self.folder = folder
        self.violations = []
        self.pages = {}

    def check(self, page, response, name, status=200):
        assert response.status == status, f"{name}: {page.url} answered {response.status}"
        path = self.folder / f"{len(self.pages):02}-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.html"
        path.write_bytes(response.body())
        self.pages[path.name] = f"{name} ({page.url})"
        page.add_script_tag(path=AXE)
        self.violations += [
            f"{name} ({page.url}): {missing}" for missing in page.evaluate(MISSING_IDS)
        ]
        for violation in page.evaluate(RUN_AXE, AXE_TAGS):
            self.violations.append(
                f"{name} ({page.url}): {violation['id']}: {violation['help']} "
                f"at {'; '.join(violation['nodes'])}"
            )

    def visit(self, page, address, name, status=200):
        self.check(page, page.goto(address), name, status)

    def after(self, page, action, name):
        """The page a click leads to (a form refused, or a redirect's page with its message)."""
        with page.expect_navigation() as navigation:
            action()
        self.check(page, navigation.value, name)

    def html_errors(self):
        (self.folder / "control.html").write_text(CONTROL)
        files = [str(self.folder / name) for name in [*self.pages, "control.html"]]
        result = subprocess.run(
            ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
            capture_output=True,
            text=True,
            timeout=300,
        )
        # The report goes to standard error; an exit status of 1 only says that it has errors.
        messages = json.loads(result.stderr)["messages"]
        control = [m for m in messages if Path(m["url"]).name == "control.html"]
        assert [m["message"][:20] for m in control] == ["Bad value “noon” for"], messages
        return [
            f"{self.pages[Path(message['url']).name]} line {message.get('lastLine', '?')}: "
            f"{message['message']} [{message.get('extract', '').strip()}]"
            for message in messages
            if message not in control
        ]


def public_pages(checked, page, language):
    """What anyone can read, and the pages for signing in and setting a password."""
    pages = [
        ("home", url(language, "meetings:home")),
        ("decisions", url(language, "decisions:list")),
        ("decision 4/4", url(language, "decisions:detail", 4, 4)),
        ("meetings", url(language, "meetings:list")),
        ("meeting", url(language, "meetings:detail", "wg-2009")),
        ("meeting of the call", url(language, "meetings:detail", "wg-2010-01")),
        ("meeting documents", url(language, "meetings:documents", "wg-2009")),
        ("document", url(language, "meetings:document", "CTOC/COP/WG.4/2009/1")),
        ("conference room paper", url(language, "meetings:document", "CTOC/COP/2008/CRP.8")),
        ("body", url(language, "meetings:body", "working-group-trafficking")),
        ("bureau", url(language, "meetings:body", "cop-bureau")),
        (
            "recommendations",
            url(language, "recommendations:follow_up", "working-group-trafficking"),
        ),
        (
            "recommendations, filtered wrongly",
            url(language, "recommendations:follow_up", "working-group-trafficking")
            + "?meeting=nowhere&outcome=noted",
        ),
        ("states", url(language, "meetings:states")),
        ("sign-in", url(language, "login")),
        ("password reset", url(language, "password_reset")),
        ("password reset sent", url(language, "password_reset_done")),
        ("password set", url(language, "password_reset_complete")),
    ]
    for name, address in pages:
        checked.visit(page, address, f"{language} {name}")
    checked.visit(page, f"/{language}/no-such-page/", f"{language} not found", status=404)

    page.goto(url(language, "login"))
    page.locator("#id_username").fill("delegate-fr")
    page.locator("#id_password").fill("not the password")
    checked.after(
        page,
        lambda: page.locator("form.form button[type=submit]").click(),
        f"{language} sign-in refused",
    )

    user = get_user_model().objects.get(username="delegate-fr")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    # The link in the e-mail leads, without its token in the address, to the new password form.
    checked.visit(
        page, url(language, "password_reset_confirm", uid, token), f"{language} new password"
    )


def delegate_pages(checked, page, language, *, first):
    """A delegate of the United Kingdom while the call is open: two submitted proposals."""
    call = CallForTopics.objects.get(reference=CALL)
    proposal = TopicProposal.objects.filter(call=call, state__iso3="GBR").first()
    checked.visit(page, url(language, "submissions:home"), f"{language} State page")
    checked.visit(page, url(language, "submissions:new", call.pk), f"{language} new proposal")
    checked.after(
        page, lambda: page.locator("button[name=save]").click(), f"{language} proposal refused"
    )
    checked.visit(page, url(language, "submissions:detail", proposal.pk), f"{language} proposal")
    checked.visit(page, url(language, "submissions:edit", proposal.pk), f"{language} edit")
    checked.visit(page, url(language, "submissions:receipt", proposal.pk), f"{language} receipt")
    checked.visit(
        page, url(language, "submissions:withdraw", proposal.pk), f"{language} withdraw, asked"
    )
    if first:  # a third proposal, saved once as a draft: its page with the message
        page.goto(url(language, "submissions:new", call.pk))
        page.locator("#id_title").fill("Victims' access to remedies")
        page.locator("#id_description").fill("How States give victims access to remedies.")
        page.locator("#id_area").select_option(index=1)
        page.locator("#id_language").select_option("en")
        checked.after(
            page, lambda: page.locator("button[name=save]").click(), f"{language} draft saved"
        )
    draft = TopicProposal.objects.get(call=call, state__iso3="GBR", number=3)
    checked.visit(page, url(language, "submissions:detail", draft.pk), f"{language} draft")


def bureau_pages(checked, page, language):
    """The President while the Bureau reviews the closed call."""
    call = CallForTopics.objects.get(reference=CALL)
    candidate = call.candidates.exclude(area=None).order_by("position").first()
    pages = [
        ("calls", url(language, "submissions:home")),
        ("review", url(language, "submissions:review", call.pk)),
        ("candidate", url(language, "submissions:review_candidate", call.pk, candidate.pk)),
        ("selection", url(language, "submissions:selection", call.pk)),
        ("call proposals", url(language, "submissions:call_proposals", call.pk)),
        ("finalize, asked", url(language, "submissions:finalise", call.pk)),
    ]
    for name, address in pages:
        checked.visit(page, address, f"{language} {name}")


def test_every_page_passes_axe_and_the_html_checker_in_english_and_arabic(
    checkers, browser, live_server, tmp_path
):
    # The demo with its call open, committed for the live server.
    call_command("load_demo", stage="open", verbosity=0)
    call = CallForTopics.objects.get(reference=CALL)  # the same call at each stage
    checked = Checked(tmp_path)

    def context(username=None):
        # One page per person; the language is in each address. axe-core goes in as an inline
        # script, which the portal's Content-Security-Policy refuses: this browser lets the
        # checker in (tests/test_csp.py checks the policy and the pages).
        new = browser.new_context(locale="en-GB", base_url=live_server.url, bypass_csp=True)
        new.set_default_timeout(10_000)
        opened = new.new_page()
        if username:
            sign_in(opened, "en", username)
        return new, opened

    reader, page = context()
    for language in LANGUAGES:
        public_pages(checked, page, language)
    reader.close()

    delegate, page = context("delegate-gb")
    for language in LANGUAGES:
        delegate_pages(checked, page, language, first=language == LANGUAGES[0])

    call_command("load_demo", stage="closed", verbosity=0)
    for language in LANGUAGES:
        # After the deadline the form gives way to the reason.
        checked.visit(page, url(language, "submissions:new", call.pk), f"{language} closed call")
    delegate.close()
    secretariat, page = context("secretariat")
    for language in LANGUAGES:  # who answered the call; a document not public yet
        checked.visit(page, url(language, "submissions:overview", call.pk), f"{language} answers")
        checked.visit(
            page,
            url(language, "meetings:document", "CTOC/COP/WG.4/2010/1"),
            f"{language} draft document",
        )
    secretariat.close()

    president, page = context("president")
    for language in LANGUAGES:
        bureau_pages(checked, page, language)
    call_command("load_demo", stage="decided", verbosity=0)
    for language in LANGUAGES:  # the selection final, its topics on the draft agenda
        checked.visit(page, url(language, "submissions:selection", call.pk), f"{language} decided")
        checked.visit(page, url(language, "meetings:detail", "wg-2010-01"), f"{language} agenda")
        checked.visit(
            page, url(language, "submissions:reopen", call.pk), f"{language} reopen, asked"
        )
    president.close()

    problems = [f"In Chromium: {violation}" for violation in checked.violations]
    problems += [f"Nu HTML Checker: {error}" for error in checked.html_errors()]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


FOCUS_RING = """(selector) => {
  const style = getComputedStyle(document.querySelector(selector));
  return {width: parseFloat(style.outlineWidth), style: style.outlineStyle,
          colour: style.outlineColor, offset: parseFloat(style.outlineOffset),
          shadow: style.boxShadow, background: style.backgroundColor,
          page: getComputedStyle(document.documentElement).backgroundColor};
}"""


def luminance(css_colour):
    red, green, blue = (int(n) / 255 for n in re.findall(r"\d+", css_colour)[:3])
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_keyboard_focus_is_a_ring_seen_on_light_and_dark_buttons(page, language):
    page.goto(url(language, "login"))
    dark, light = "form.form button[type=submit]", ".languages button:not([aria-current])"
    for selector in (light, dark):
        # Tabbed to: the ring is for the keyboard (a click shows none).
        for _step in range(40):
            page.keyboard.press("Tab")
            if page.evaluate(
                "(s) => document.activeElement === document.querySelector(s)", selector
            ):
                break
        else:
            pytest.fail(f"the keyboard never reached {selector}")
        ring = page.evaluate(FOCUS_RING, selector)
        assert ring["style"] == "solid" and ring["width"] >= 3, ring
        # Outside the button, with a band of the page's colour between: the dark ring stands
        # out from the page and from a light button, the band from a dark button.
        assert ring["offset"] >= 2, ring
        band = re.match(r"(rgba?\([^)]*\)) 0px 0px 0px (\d+)px", ring["shadow"])
        assert band and int(band[2]) >= ring["offset"], ring
        assert band[1] == ring["page"], ring
        assert contrast(ring["colour"], ring["page"]) >= 4.5, ring
    assert contrast(band[1], ring["background"]) >= 4.5, ring  # the dark button
