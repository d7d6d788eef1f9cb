"""Whole answers kept on the server for API_CACHE_SECONDS, as long as the answers tell clients
they may keep them, so that an answer asked for before is not built again.

An answer is kept in Django's cache (Redis in production, shared by every process) under
its full address (scheme, host, path and query: the addresses in the answer are built from
them) and the language it is in (``?lang=``, else the one Accept-Language chose). Only the body
of a 200 to an anonymous GET is kept. The headers are added to every answer, kept or not, by
api.middleware: the ETag from the body, the client's own RateLimit-* counts. The rate limit is
counted and the parameters are checked before an operation is called, so a kept answer counts
as a built one and a refusal is never kept.

The keys carry a generation, which every committed change to what the API reads replaces (a row
of decisions, meetings or recommendations saved or deleted: a document or an agenda issued, a
report, a meeting edited): the answers kept before are not served again, and the change shows
in the API at once. The generation is read before an answer is built and replaced only once
the change is committed, so an answer built from the data before a change is never kept under
the generation after it.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

from .languages import chosen

GENERATION = "api-answers:generation"
# The apps the API reads (tests/test_imports.py).
READ = {"decisions", "meetings", "recommendations"}


def served_from_cache(operation):
    """Wraps every operation (api.v1), called once the rate limit and the parameters passed: the
    answer kept for the request if there is one, else the operation's, which api.middleware
    keeps once it is rendered."""

    @wraps(operation)
    def answer(request, **parameters):
        # The API answers everyone alike (it shows what the public pages show); answers to a
        # signed-in user are still neither kept nor served, so that none could ever be shared.
        if (
            not settings.API_KEEP_ANSWERS
            or request.method != "GET"
            or request.user.is_authenticated
        ):
            return operation(request, **parameters)
        key = key_of(request)
        if kept := cache.get(key):
            request.api_language = kept["language"]
            return HttpResponse(kept["body"], content_type=kept["type"])
        request.api_answer_key = key
        return operation(request, **parameters)

    return answer


def keep(request, response):
    """Keeps the rendered answer to a request that ``served_from_cache`` found no answer for, if
    it is a 200."""
    key = getattr(request, "api_answer_key", None)
    if key and response.status_code == 200 and not response.streaming:
        kept = {
            "body": response.content,
            "type": response["Content-Type"],
            "language": getattr(request, "api_language", None),
        }
        cache.set(key, kept, settings.API_CACHE_SECONDS)


def key_of(request):
    # A new generation if the cache lost it: a number counted again could meet old answers.
    generation = cache.get_or_set(GENERATION, new_generation, timeout=None)
    language = chosen(request, request.GET.get("lang"))
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"api-answer:{generation}:{language}:{address}"


def new_generation():
    return uuid.uuid4().hex


def changed(sender, using, **kwargs):
    """Receives every model's post_save, post_delete and m2m_changed (api.apps)."""
    if sender._meta.app_label in READ:
        transaction.on_commit(renew, using=using)


def renew():
    cache.set(GENERATION, new_generation(), timeout=None)
