"""English, as United Nations English documents write it (CTOC/COP/WG.4/2010/6; the programme
of the sixth session of the Conference for times): the defaults of the base style."""

from .base import Style


class English(Style):
    pass
