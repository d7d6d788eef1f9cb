"""The language of an answer: ``?lang=`` first, then Accept-Language, then English; ``all``
gives every translated text as an object keyed by the six codes."""

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from modeltranslation.utils import build_localized_fieldname

CODES = [code for code, _name in settings.LANGUAGES]
ALL = "all"


def chosen(request, lang):
    """The code asked for: ``lang`` (already one of CODES or ``all``), else the first of the
    client's Accept-Language the portal has, else the default language."""
    if lang:
        return lang
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        try:
            return translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class Texts:
    """Renders translated texts in the language asked for, or in all six."""

    def __init__(self, code):
        self.code = code
        self.codes = CODES if code == ALL else [code]

    @property
    def header(self):
        """The Content-Language of the answer."""
        return ", ".join(self.codes)

    def field(self, obj, name):
        """A translated field as the pages show it: the language's own text, else the first
        language in the fallback order that has one."""
        return self.each(lambda code: shown_in(obj, name, code))

    def call(self, function, *args):
        """What ``function(*args)`` says with each language active (a citation, a label)."""

        def in_language(code):
            with translation.override(code):
                return str(function(*args))

        return self.each(in_language)

    def each(self, value_in):
        """``value_in(code)`` for the language asked for, or {code: …} for all six."""
        if self.code != ALL:
            return value_in(self.code)
        return {code: value_in(code) for code in self.codes}


def shown_in(obj, name, code):
    for candidate in (code, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES):
        if value := getattr(obj, build_localized_fieldname(name, candidate)):
            return value
    return ""
