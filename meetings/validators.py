import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A United Nations document symbol: series and body components, then numeric components (year
# or session, the document's number, a CRP/L/INF/WP number), then /Rev.n, /Add.n, /Corr.n.
# CTOC/COP/WG.4/2009/CRP.1, CTOC/COP/2008/8, CTOC/COP/2005/3/Rev.2, A/RES/61/144.
SYMBOL_RE = re.compile(
    r"""^
    [A-Z]{1,6}(?:/[A-Z]{1,6}(?:\.\d{1,3})?)*     # series and bodies: CTOC/COP/WG.4
    (?:/\d{1,4})*                                  # year or session: /2008, /61
    /(?:(?:CRP|L|INF|WP)\.)?(?!(?:19|20)\d\d(?:/|$))\d{1,4}  # number, never a bare year
    (?:/(?:Rev|Add|Corr)\.\d{1,3})*               # revisions, addenda, corrigenda
    $""",
    re.VERBOSE,
)


def validate_symbol(value):
    if not SYMBOL_RE.match(value or ""):
        raise ValidationError(
            _(
                "“%(value)s” is not a document symbol. Write it as the United Nations does, "
                "for example CTOC/COP/WG.4/2009/CRP.1, CTOC/COP/2008/8 or "
                "CTOC/COP/2005/3/Rev.2 (capital letters, slashes, no spaces)."
            ),
            code="invalid_symbol",
            params={"value": value},
        )


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone. Use a name such as Europe/Vienna."),
            code="invalid_time_zone",
            params={"value": value},
        )


def validate_language_codes(value):
    from django.conf import settings

    codes = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, list) or any(code not in codes for code in value):
        raise ValidationError(
            _("Choose languages among the six official ones: %(codes)s."),
            code="invalid_languages",
            params={"codes": ", ".join(sorted(codes))},
        )
