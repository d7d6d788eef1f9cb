from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from wgportal import i18n, style

register = template.Library()


@register.filter
def date_long(value):
    return style.date_long(value) if value else ""


@register.filter
def day_heading(value):
    """A day of the organization of work: "Mardi 14 avril", no year."""
    return style.day_heading(value) if value else ""


@register.filter
def date_range(start, end):
    return style.date_range(start, end)


@register.filter
def time_range(start, end):
    return style.time_range(start, end)


@register.filter
def machine_time(value):
    """An instant as HTML's datetime attribute takes it: whole seconds and the UTC offset
    ("2009-07-31T22:00:00+00:00"); HTML allows at most three digits of a second's fraction."""
    return value.replace(microsecond=0).isoformat() if value else ""


@register.filter
def native_name(code):
    """The language's name for itself: العربية, 中文, English…"""
    return i18n.NATIVE_NAMES[code]


@register.filter
def language_name(code):
    """The language's name in the reader's language, as a document's language is named: 中文 (not
    简体中文), "английский" in lower case."""
    return i18n.language_name(code)


@register.filter
def ltr(value):
    """Left-to-right whatever the page's direction (document symbols in Arabic text): a
    Unicode isolate, which PDF text and HTML both honour."""
    return format_html("{}", style.isolate(value))


@register.filter
def bidi(value, language=None):
    """Free text whose numbers, symbols and addresses keep their own order in Arabic: text
    of the page's language, or of ``language`` (a proposal written in Arabic)."""
    return style.bidi(str(value), language)


@register.filter
def label(value, level=1):
    """A list label at its level: "(b)", "b)", "(ب)"; level 2 "(iv)", "iv)", "㈣", "'4'"."""
    return style.label(value, int(level))


@register.simple_tag
def colon(label="", text=""):
    """'Documents of the meeting: Sixth session'; '会议文件：第六届会议'. Without arguments,
    the colon alone (": ", "："), between a label and a text that hold markup."""
    return style.colon(label, text)


@register.filter
def aside(text):
    """An aside after a word, its space included: ' (not edited)'; '（未经编辑）'."""
    return style.aside(text)


class AsideNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        # The content is rendered (and escaped) as usual; the style's marks hold no markup.
        content = style.aside(self.nodelist.render(context))
        return mark_safe(content) if context.autoescape else content


@register.tag
def blockaside(parser, token):
    """|aside for an aside that holds markup: {% blockaside %}<a href="…">CTOC/COP/2008/1</a>
    {% endblockaside %} gives ' (<a …>…</a>)', '（<a …>…</a>）'."""
    if len(token.split_contents()) > 1:
        raise template.TemplateSyntaxError("blockaside takes no arguments")
    nodelist = parser.parse(("endblockaside",))
    parser.delete_first_token()
    return AsideNode(nodelist)


@register.filter
def paragraph_number(number):
    """A numbered paragraph's number: "10." ("10-" in Arabic)."""
    return style.style_for().paragraph_number(number)


@register.simple_tag
def place_and_dates(place, start, end):
    """'Vienna, 14 and 15 April 2009'; '2009年4月14日和15日，维也纳'."""
    return style.place_and_dates(place, start, end)


@register.simple_tag
def masthead(document):
    """The distribution block's lines, and the language they are written in (English on
    Arabic, Chinese and Russian documents)."""
    conventions = style.style_for()
    return {
        "lines": conventions.masthead(
            document.distribution, document.issue_date, document.original_language
        ),
        "language": conventions.masthead_language,
    }


@register.simple_tag
def item_reference(item):
    """'Item 2 (b) of the provisional agenda*', under a document listed for the item."""
    return style.item_reference(item.number, item.sub_letter)


@register.simple_tag
def item_reference_footnote(agenda_symbol):
    """'* CTOC/COP/2012/1.': the footnote naming the agenda the references point to."""
    return style.style_for().item_reference_footnote(agenda_symbol)


@register.filter
def list_end(is_last):
    """The punctuation after an item of a running list: ";" between items, "." at the end."""
    if is_last:
        return pgettext("end of a running list", ".")
    return pgettext("end of an item in a running list", ";")


@register.simple_tag
def portal_zone_name():
    """The portal's own zone (where the secretariat works), as the reader names it."""
    return zone_name(timezone.get_default_timezone())


@register.filter
def zone_name(zone):
    """ "Vienna time", "heure de Vienne": a zone as the reader names it."""
    return i18n.zone_name(zone)
