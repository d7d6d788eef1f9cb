"""PDF benchmark: for each language and document kind, the median seconds of the portal's full
path (query, template, render) and of bare WeasyPrint on the same final HTML, their ratio, and
the median time to serve a cached document through Django.

    make bench        # or: .venv/bin/python benchmarks/pdf.py [repeats]

Goals on 2 cores: agenda under 0.5 s in every language; overhead ratio under 1.2; slowest
language under 1.5 times the fastest; a cached document served in under 20 ms; the note
verbale under 0.25 s with an overhead ratio under 1.2.
"""

import os
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

import pypdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from decisions import selectors as decision_selectors  # noqa: E402
from meetings import selectors as meeting_selectors  # noqa: E402
from meetings.models import MemberState  # noqa: E402
from submissions import note_verbale  # noqa: E402
from submissions.models import CallForTopics  # noqa: E402
from wgportal import pdf  # noqa: E402


def agenda_context(meeting):
    return {"meeting": meeting, "agenda": meeting.agenda}


def note_context(language):
    """The note verbale of the demo call to France, as the portal builds it."""
    call = CallForTopics.objects.select_related("meeting").get(reference="CU 2009/92 (A)")
    state = MemberState.objects.select_related("mission").get(iso3="FRA")
    return {
        "call": call,
        "state": state,
        "mission": state.mission,
        "blocks": note_verbale.paragraphs(call, state.mission, language),
    }


KINDS = {
    "agenda": (
        "pdf/agenda.html",
        lambda language: agenda_context(meeting_selectors.meeting_with_agenda("wg-2009")),
        "/{lang}/meetings/wg-2009/agenda.pdf",
    ),
    "decision": (
        "pdf/decision.html",
        lambda language: {"decision": decision_selectors.decision_with_paragraphs(4, 4)},
        "/{lang}/decisions/4/4/decision.pdf",
    ),
    "note": ("pdf/note_verbale.html", note_context, None),
}


def median_seconds(repeats, work, *args):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def full_path(template, context, language):
    """What a request for a document that is not cached does: query, template, render."""
    html = pdf.render_html(template, context(language), language)
    pdf.cache_key(html)
    return pdf.html_to_pdf(html)


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    call_command("load_demo", verbosity=0)
    settings.PDF_CACHE_DIR = Path(tempfile.mkdtemp(prefix="wgportal-bench-"))
    client = Client(HTTP_HOST="127.0.0.1")
    languages = [code for code, _name in settings.LANGUAGES]
    print(f"median over {repeats} runs, seconds per document (cached: ms per request)")
    print(f"{'kind':9}{'lang':9}{'pages':>6}{'full':>9}{'bare':>9}{'ratio':>7}{'cached':>9}")
    for kind, (template, context, url) in KINDS.items():
        fulls = {}
        for language in languages:
            full_path(template, context, language)  # warm fonts and templates
            html = pdf.render_html(template, context(language), language)
            content, missing = pdf.html_to_pdf(html)
            pages = len(pypdf.PdfReader(BytesIO(content)).pages)
            full = median_seconds(repeats, full_path, template, context, language)
            bare = median_seconds(repeats, pdf.html_to_pdf, html)
            if url:
                path = url.format(lang=language)
                client.get(path)  # renders once and caches
                cached = median_seconds(repeats * 3, client.get, path)
            else:
                cached = float("nan")  # served only in the admin
            fulls[language] = full
            print(
                f"{kind:9}{language:9}{pages:>6}{full:>9.3f}{bare:>9.3f}{full / bare:>7.2f}"
                f"{cached * 1000:>8.1f}{'  missing glyphs!' if missing else ''}"
            )
        slowest, fastest = max(fulls.values()), min(fulls.values())
        print(f"{kind}: slowest language / fastest = {slowest / fastest:.2f}")


if __name__ == "__main__":
    main()
