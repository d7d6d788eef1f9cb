"""The demo data's texts: demo/<language>.toml, one file per official language, same keys.

French is verbatim from the source documents; the other five are translations of it.
"""

import tomllib
from functools import cache

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

DEMO_DIR = settings.BASE_DIR / "demo"
DEMO_PASSWORD = "wgportal-demo"  # For the local demo only; README says so.


@cache
def texts():
    languages = [code for code, _name in settings.LANGUAGES]
    return {
        code: tomllib.loads((DEMO_DIR / f"{code}.toml").read_text("utf-8")) for code in languages
    }


def text(language, *path, default=None):
    value = texts()[language]
    for key in path:
        if default is not None and key not in value:
            return default
        value = value[key]
    return value


def translations(field, *path, optional=False):
    """{"title_ar": …, "title_zh_hans": …, …, "title": English} for a translated field;
    an optional text missing from the files is blank in every language."""
    default = "" if optional else None
    values = {
        build_localized_fieldname(field, code): text(code, *path, default=default)
        for code in texts()
    }
    return {field: values[build_localized_fieldname(field, "en")], **values}


_loaders = []


def register(loader):
    """``loader()`` loads the demo data of an app that load_demo cannot import (one beside
    submissions); it runs after the others', and again on every load."""
    _loaders.append(loader)


def load_registered():
    for loader in _loaders:
        loader()
