import pytest
from django.core.exceptions import ValidationError

from meetings.validators import validate_language_codes, validate_symbol, validate_time_zone

GOOD_SYMBOLS = [
    "CTOC/COP/WG.4/2009/CRP.1",
    "CTOC/COP/WG.4/2009/1",
    "CTOC/COP/2008/8",
    "CTOC/COP/2008/CRP.11",
    "CTOC/COP/2005/3/Rev.2",
    "CTOC/COP/2006/6/Rev.1",
    "CTOC/COP/2012/1/Add.2",
    "CTOC/COP/2010/17/Corr.1",
    "CTOC/COP/2012/L.5/Rev.1/Add.1",
    "A/RES/61/144",
    "E/CN.15/2009/1",
]
BAD_SYMBOLS = [
    "",
    "ctoc/cop/2008/8",
    "CTOC COP 2008 8",
    "CTOC/COP/2008/8/",
    "CTOC//COP/2008/8",
    "CTOC/COP/2008",
    "CTOC/COP/2008/8/Rev",
    "CTOC/COP/2008/8/rev.1",
    "CTOC/COP/2008/8 Rev.1",
    "/CTOC/COP/2008/8",
    "CTOC/COP/2008/CRP",
    "<script>/1",
]


@pytest.mark.parametrize("symbol", GOOD_SYMBOLS)
def test_good_symbols_pass(symbol):
    validate_symbol(symbol)


@pytest.mark.parametrize("symbol", BAD_SYMBOLS)
def test_bad_symbols_are_refused_with_the_form_shown(symbol):
    with pytest.raises(ValidationError) as error:
        validate_symbol(symbol)
    message = error.value.messages[0]
    assert "CTOC/COP/WG.4/2009/CRP.1" in message
    assert "CTOC/COP/2005/3/Rev.2" in message


def test_time_zone_must_exist():
    validate_time_zone("Europe/Vienna")
    with pytest.raises(ValidationError, match="Europe/Vienna"):
        validate_time_zone("Vienna")


def test_languages_must_be_official():
    validate_language_codes(["ar", "zh-hans", "en"])
    for bad in (["de"], ["en", "zh"], "en"):
        with pytest.raises(ValidationError, match="six official"):
            validate_language_codes(bad)
