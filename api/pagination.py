"""Cursor pagination: a page of a queryset in a fixed order, and an opaque cursor to the next.

The cursor holds the ordering values of the page's last item, signed, so that the next page
starts right after it whatever was added or removed meanwhile; a cursor the API did not give
is refused."""

import datetime
import operator
from functools import reduce
from urllib.parse import urlencode

from django.core import signing
from django.db.models import Q
from ninja.errors import HttpError

SALT = "api.pagination"


def page(request, queryset, order, cursor, limit):
    """(items, address of the next page or None). ``order`` names ascending fields, the last
    of them unique, so that the order is total."""
    # Signed for this list only: another list's cursor is refused, not misread.
    salt = f"{SALT}:{request.path}"
    if cursor:
        queryset = queryset.filter(after(order, read(cursor, salt)))
    items = list(queryset.order_by(*order)[: limit + 1])
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    values = [plain(value_of(items[-1], field)) for field in order]
    query = request.GET.copy()
    query["cursor"] = signing.dumps(values, salt=salt, compress=True)
    return items, request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.items()))}")


def read(cursor, salt):
    try:
        return signing.loads(cursor, salt=salt)
    except signing.BadSignature:
        raise refused() from None


def refused():
    return HttpError(400, "This cursor is not one the API gave: start again from the first page.")


def after(order, values):
    """Rows after ``values`` in ``order``: (a > x) or (a = x and b > y) or …"""
    if not isinstance(values, list) or len(values) != len(order):
        raise refused()
    alternatives = []
    for depth, field in enumerate(order):
        equal = {name: value for name, value in zip(order[:depth], values[:depth], strict=True)}
        alternatives.append(Q(**equal, **{f"{field}__gt": values[depth]}))
    return reduce(operator.or_, alternatives)


def value_of(item, field):
    for name in field.split("__"):
        item = getattr(item, name)
    return item


def plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else value
