"""Rate limits for anonymous clients, per client address, counted in Django's cache (Redis in
production, so that every web process counts together) by fixed windows."""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from ninja.throttling import SimpleRateThrottle

from wgportal.signin import client_address


@dataclass(frozen=True)
class RateLimit:
    limit: int
    remaining: int
    reset: int  # seconds until the window ends

    @property
    def headers(self):
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset),
        }


class PerAddress(SimpleRateThrottle):
    """API_RATE_LIMIT ("600/min") per address. The count is one atomic increment in the cache
    (safe across threads and processes); what the headers need is left on the request."""

    def __init__(self):
        super().__init__(rate=settings.API_RATE_LIMIT)

    def allow_request(self, request):
        # Read on each request, so that a change of the setting (a test's) takes effect.
        limit, period = self.parse_rate(settings.API_RATE_LIMIT)
        now = time.time()
        key = f"api-rate:{client_address(request)}:{int(now // period)}"
        cache.add(key, 0, period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # the window ended between the two calls
            cache.add(key, 1, period + 1)
            count = 1
        request.rate_limit = RateLimit(
            limit, max(0, limit - count), math.ceil(period - now % period)
        )
        return count <= limit

    def wait(self):
        # Retry-After comes from the request's RateLimit (api.middleware): this object is
        # shared by concurrent requests and keeps no state of one.
        return None
