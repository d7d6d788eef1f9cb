from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404


def found_or_404(select, *args):
    """What a selector finds, or a 404 when the object it looks for does not exist."""
    try:
        return select(*args)
    except ObjectDoesNotExist:
        raise Http404 from None
