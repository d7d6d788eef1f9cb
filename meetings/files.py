"""What the register checks in a file before storing it, and what a file's name says.

The type is read from the content, never from the name: a PDF is a PDF because it opens as
one (and its pages are counted), a Word document because it is one (its page count is the one
Word last saved in it, when it holds one). The name only tells, in a
batch, which document and language a file is: the United Nations' job number with its language
letter (V0851234e.pdf), or the symbol with its slashes as hyphens and the language
(CTOC-COP-2008-8-E.pdf, CTOC-COP-2008-8-zh-hans.pdf).
"""

import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass

import filetype
import pypdf
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as defused_tree
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wgportal.i18n import LANGUAGE_LETTERS

from .validators import SYMBOL_RE

log = logging.getLogger(__name__)

FORMATS = {"pdf": "pdf", "docx": "docx"}  # what filetype calls it: the register's format
LANGUAGE_OF_LETTER = {letter: code for code, letter in LANGUAGE_LETTERS.items()}


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    format: str
    pages: int | None
    sha256: str

    @property
    def size(self):
        return len(self.content)


def check(content, name):
    """The file as the register stores it, or a ValidationError naming the file and saying
    what to do."""
    if not content:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    if len(content) > settings.DOCUMENT_MAX_SIZE:
        raise ValidationError(
            _("%(name)s is larger than %(size)s; a document's file is far smaller.")
            % {"name": name, "size": filesizeformat(settings.DOCUMENT_MAX_SIZE)}
        )
    kind = filetype.guess(content)
    format = FORMATS.get(kind.extension) if kind else None
    if format is None:
        raise ValidationError(
            _("%(name)s is neither a PDF nor a Word document, whatever its name says.")
            % {"name": name}
        )
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension in FORMATS and extension != format:
        raise ValidationError(
            _(
                "%(name)s is named as a %(named)s file but holds a %(held)s document; name it "
                "for what it is."
            )
            % {"name": name, "named": extension.upper(), "held": format.upper()}
        )
    pages = count_pages(content, name) if format == "pdf" else word_pages(content, name)
    return CheckedFile(content, format, pages, hashlib.sha256(content).hexdigest())


def count_pages(content, name):
    try:
        reader = pypdf.PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise ValidationError(
                _("%(name)s is protected by a password; store it without one.") % {"name": name}
            )
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception:  # a damaged file fails in many ways inside the parser
        pages = 0
    if not pages:
        raise ValidationError(
            _(
                "%(name)s does not open as a PDF: the file is damaged or incomplete. Export it "
                "again and upload it anew."
            )
            % {"name": name}
        )
    return pages


# A Word document's properties (docProps/app.xml) are a few hundred bytes; more is not Word's.
APP_XML = "docProps/app.xml"
APP_XML_MAX_SIZE = 64 * 1024
APP_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
# No document the register holds has this many pages; a larger number is not a page count.
MOST_PAGES = 100_000
DIGITS = re.compile(r"[0-9]{1,9}")  # not str.isdigit(), which takes "²" and "٣"


def word_pages(content, name):
    """The page count Word saved in a .docx (``<Pages>`` in docProps/app.xml), or None when
    the file has none, or one that is not a number. Never refuses the file: a draft without
    a count is still a draft. The file comes from outside: the properties are read up to a
    small size, and XML that declares a document type or entities is not read at all."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive, archive.open(APP_XML) as member:
            # The size the archive announces can lie: read one byte past the limit to know.
            properties = member.read(APP_XML_MAX_SIZE + 1)
    except KeyError:
        return None  # Word did not save its properties (other editors often do not)
    except Exception:  # a damaged archive fails in many ways inside zipfile and zlib
        log.warning("%s: its properties (%s) could not be read", name, APP_XML)
        return None
    if len(properties) > APP_XML_MAX_SIZE:
        log.warning("%s: its properties (%s) are too large to be Word's", name, APP_XML)
        return None
    text = (_pages_text(properties) or "").strip()
    if not DIGITS.fullmatch(text):
        return None
    pages = int(text)
    return pages if 0 < pages <= MOST_PAGES else None


def _pages_text(properties):
    """The text of app.xml's first <Pages>, or None. defusedxml refuses XML that declares a
    document type or entities: nothing is expanded or fetched."""
    try:
        root = defused_tree.fromstring(properties, forbid_dtd=True)
    except (DefusedXmlException, defused_tree.ParseError):
        return None
    return root.findtext(f".//{{{APP_NAMESPACE}}}Pages")


# V0851234e.pdf: a duty station's letter, two digits of the year, five of the job, the language.
JOB_NUMBER = re.compile(r"^[A-Z]\d{7}(?P<letter>[ACEFRS])\.(?:pdf|docx)$", re.IGNORECASE)
SYMBOL_NAME = re.compile(
    r"^(?P<stem>[A-Za-z0-9.-]+?)[-_](?P<language>zh-hans|ar|zh|en|fr|ru|es|[ACEFRS])"
    r"\.(?:pdf|docx)$",
    re.IGNORECASE,
)


def parse_name(name):
    """(symbol or None, language or None) that a file's name gives."""
    name = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    if match := JOB_NUMBER.match(name):
        return None, LANGUAGE_OF_LETTER[match["letter"].upper()]
    if match := SYMBOL_NAME.match(name):
        language = match["language"].lower()
        language = (
            LANGUAGE_OF_LETTER[language.upper()]
            if len(language) == 1
            else {"zh": "zh-hans"}.get(language, language)
        )
        symbol = match["stem"].replace("-", "/")
        return (symbol if SYMBOL_RE.match(symbol) else None), language
    return None, None
