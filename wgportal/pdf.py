"""The one PDF renderer of the portal: a template under templates/pdf/, WeasyPrint, fonts named
per language, tagged PDF/UA output, and a cache keyed by what the document says.

A document is rendered from its final HTML. The cache key is a hash of that HTML (which holds
the language), so any change to the data behind a document yields a fresh file, and an
unchanged document is read back instead of rendered again; the stylesheet and WeasyPrint's
version are part of the key too.
"""

import hashlib
import logging
import os
import tempfile
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

STYLESHEET = Path(settings.BASE_DIR, "templates", "pdf", "document.css")
# Fonts per language, named explicitly; the stylesheet selects them with :lang().
FONTS = {
    "ar": "Noto Naskh Arabic",
    "zh-hans": "Noto Serif CJK SC",
}
LATIN_AND_CYRILLIC = "Noto Serif"
PDF_VARIANT = "pdf/ua-1"


# The only files a document may load. Fonts are not among them: fontconfig finds them by the
# names above, without a URL.
ALLOWED_FILES = {STYLESHEET.as_uri(): STYLESHEET}


class RefusedFetch(Exception):
    pass


class LocalOnlyFetcher(URLFetcher):
    """WeasyPrint's fetcher for documents: the allowed local files and nothing else, so that
    markup slipping into a document can neither read a file of the server (a link made an
    attachment) nor make a request. WeasyPrint logs the refusal and renders without it."""

    def fetch(self, url, headers=None):
        path = ALLOWED_FILES.get(url)
        if path is None:
            raise RefusedFetch(f"documents load only the portal's own files, not {url[:100]}")
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": "text/css"})


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    key: str
    cached: bool
    # Characters no font could draw: a reader would see boxes.
    missing_glyphs: tuple[str, ...] = field(default=())


@cache
def stylesheet():
    """Parsed once per process."""
    return CSS(filename=str(STYLESHEET), url_fetcher=LocalOnlyFetcher())


def font_for(language):
    return FONTS.get(language, LATIN_AND_CYRILLIC)


def render_html(template, context, language):
    """The document's final HTML, in its language."""
    with translation.override(language):
        return render_to_string(
            template,
            {
                **context,
                "language": language,
                "direction": "rtl" if translation.get_language_bidi() else "ltr",
                "font": font_for(language),
            },
        )


@cache
def _layout_fingerprint():
    """What else shapes the file: the stylesheet and the renderer's version."""
    return f"{weasyprint.__version__}\0{STYLESHEET.read_text('utf-8')}\0{PDF_VARIANT}"


def cache_key(html):
    return hashlib.sha256(f"{_layout_fingerprint()}\0{html}".encode()).hexdigest()


def html_to_pdf(html):
    """Bare WeasyPrint on a final HTML string; returns (bytes, characters without a glyph)."""
    with _MissingGlyphs() as missing:
        # No base URL: a relative reference resolves to nothing rather than to the project.
        content = HTML(string=html, base_url=None, url_fetcher=LocalOnlyFetcher()).write_pdf(
            stylesheets=[stylesheet()], pdf_variant=PDF_VARIANT
        )
    return content, tuple(sorted(missing.characters))


def render(template, context, language):
    """The document as PDF, from the cache when nothing in it changed."""
    html = render_html(template, context, language)
    key = cache_key(html)
    path = Path(settings.PDF_CACHE_DIR, f"{key}.pdf")
    try:
        return RenderedPdf(path.read_bytes(), key, cached=True)
    except FileNotFoundError:
        pass
    content, missing = html_to_pdf(html)
    if not missing:  # A document with boxes is never kept: a font install must fix it.
        _write_atomically(path, content)
    return RenderedPdf(content, key, cached=False, missing_glyphs=missing)


def _write_atomically(path, content):
    """Readers never see half a file, even with several workers rendering the same one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, path)


class _MissingGlyphs(logging.Handler):
    """Collects WeasyPrint's '.notdef glyph rendered' warnings of this thread's rendering."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.characters = set()
        self.thread = threading.get_ident()

    def emit(self, record):
        if threading.get_ident() == self.thread and ".notdef glyph" in str(record.msg):
            self.characters.add(record.args[0])

    def __enter__(self):
        logging.getLogger("weasyprint").addHandler(self)
        return self

    def __exit__(self, *exc):
        logging.getLogger("weasyprint").removeHandler(self)


# Document kinds for `manage.py render_pdf`, registered by the apps that own them (so that this
# package imports no app): name -> (add_arguments(parser), render(options, language)).
KINDS = {}
# The kinds that are official documents of the register, issued in each language as its
# versions: name -> render(document, language), ``document`` being the register's entry that
# names the kind (meetings.Document.rendered_kind).
DOCUMENT_KINDS = {}


def register_kind(name, add_arguments, render_from_options, *, from_document=None):
    KINDS[name] = (add_arguments, render_from_options)
    if from_document is not None:
        DOCUMENT_KINDS[name] = from_document
