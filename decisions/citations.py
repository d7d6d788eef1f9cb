"""Citations of decisions and their paragraphs, as United Nations documents write them."""

from django.utils.translation import gettext as _

from wgportal import style


def paragraph_label(label, level=1):
    """A paragraph's label as the language writes it: "(o)", "o)", "(ع)"; level 2 "(i)",
    "i)", "㈠", "'1'"."""
    return style.label(label, int(level))


def cite(decision, labels=()):
    """'decision 4/4' or 'decision 4/4, paragraph (o) (i)', in the active language."""
    values = {"kind": decision.get_kind_display(), "number": decision.number}
    if not labels:
        return _("%(kind)s %(number)s") % values
    values["path"] = style.label_path(labels)
    return _("%(kind)s %(number)s, paragraph %(path)s") % values
