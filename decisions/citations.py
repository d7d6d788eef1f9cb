"""Citations of decisions and their paragraphs, as United Nations documents write them."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def cite(decision, labels=()):
    """'decision 4/4' or 'decision 4/4, paragraph (o) (i)', in the active language."""
    values = {"kind": decision.get_kind_display(), "number": decision.number}
    if not labels:
        return _("%(kind)s %(number)s") % values
    label_form = pgettext("paragraph label in a citation", "(%(label)s)")
    values["path"] = " ".join(label_form % {"label": label} for label in labels)
    return _("%(kind)s %(number)s, paragraph %(path)s") % values
