"""Citations of decisions and their paragraphs, as United Nations documents write them."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def paragraph_label(label):
    """A paragraph's label as the language writes it: "(o)" in English, "o)" in French."""
    return pgettext("paragraph label in a citation", "(%(label)s)") % {"label": label}


def cite(decision, labels=()):
    """'decision 4/4' or 'decision 4/4, paragraph (o) (i)', in the active language."""
    values = {"kind": decision.get_kind_display(), "number": decision.number}
    if not labels:
        return _("%(kind)s %(number)s") % values
    values["path"] = " ".join(paragraph_label(label) for label in labels)
    return _("%(kind)s %(number)s, paragraph %(path)s") % values
