"""Which secretariat texts a language still lacks, so that the secretariat is told where a
document shows another language's text instead."""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from wgportal import style

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def translation_gaps(texts):
    """``texts`` is [(label, object, field)]. Returns {language: ["label: field", …]} for each
    text that is filled in some language and empty in that one (the colon the reader's
    language writes: "…：…" in Chinese)."""
    gaps = {}
    for label, obj, field in texts:
        values = localized_values(obj, field)
        if not any(values.values()):
            continue
        for code in LANGUAGES:
            if not values[code]:
                name = obj._meta.get_field(field).verbose_name
                gaps.setdefault(code, []).append(style.colon(label, name))
    return {code: gaps[code] for code in LANGUAGES if code in gaps}


def localized_values(obj, field):
    """{language: the field's text in it}."""
    return {code: getattr(obj, build_localized_fieldname(field, code)) for code in LANGUAGES}


def set_localized_values(obj, field, values):
    for code, value in values.items():
        setattr(obj, build_localized_fieldname(field, code), value)
