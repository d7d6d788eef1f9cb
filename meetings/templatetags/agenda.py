from django import template

from wgportal import style

register = template.Library()


@register.filter
def letter(item):
    """An agenda sub-item's letter as the language writes it: "(a)", "a)", "(أ)"."""
    return style.label(item.sub_letter)


@register.filter
def item_label(item):
    """The item's reference in the organization of work: "1 (a)", "1 a)", "2"."""
    return style.style_for().item(item.number, item.sub_letter)
