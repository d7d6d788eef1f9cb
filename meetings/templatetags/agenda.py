from django import template
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def letter(item):
    """An agenda sub-item's letter as the language writes it: "(a)" in English, "a)" in French."""
    return pgettext("agenda sub-item letter", "(%(letter)s)") % {"letter": item.sub_letter}


@register.filter
def item_label(item):
    """The item's reference in the organization of work: "1 (a)", "1 a)", "2"."""
    return f"{item.number} {letter(item)}" if item.sub_letter else str(item.number)
