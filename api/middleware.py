"""Headers on every answer of the API, built or kept (api.answers): caching (ETag,
Cache-Control, a 304 for a client that holds the same answer), language (Content-Language,
Vary) and rate limits."""

from django.conf import settings
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from . import answers

PREFIX = "/api/"


class APIHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(PREFIX):
            return response
        answers.keep(request, response)
        patch_vary_headers(response, ["Accept-Language"])
        if response.status_code in (200, 404):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        else:
            # Refusals (a bad parameter, too many requests) are not kept by caches.
            patch_cache_control(response, no_store=True)
        if not response.streaming:
            set_response_etag(response)
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            response = get_conditional_response(request, etag=response["ETag"], response=response)
        if language := getattr(request, "api_language", None):
            response["Content-Language"] = language
        if rate_limit := getattr(request, "rate_limit", None):
            for name, value in rate_limit.headers.items():
                response[name] = value
            if response.status_code == 429:
                response["Retry-After"] = str(rate_limit.reset)
        return response
