"""Version 1 of the API: its operations, its OpenAPI description at openapi.json, the Swagger
UI page at docs/ (its assets served by the portal), and how it refuses."""

from ninja import NinjaAPI
from ninja.errors import ValidationError

from . import answers
from .throttling import PerAddress
from .views import router

api = NinjaAPI(
    title="Working Group portal: public API",
    version="1",
    description=(
        "Read-only JSON over what the portal's public pages show: bodies, decisions with their "
        "paragraphs, meetings, documents and issued provisional agendas. Texts come in the "
        "language asked for (`?lang=` or Accept-Language) or in all six (`?lang=all`). "
        "Lists are paged by cursor. Anonymous clients are limited per address; the "
        "RateLimit-* headers say how far. Every answer carries an ETag and Cache-Control."
    ),
    urls_namespace="api-v1",
    docs_url="/docs/",
    throttle=[PerAddress()],
)
# After the rate limit and the parameters' checks: a kept answer counts, a refusal is not kept.
api.add_decorator(answers.served_from_cache)
api.add_router("", router)


@api.exception_handler(ValidationError)
def invalid(request, error):
    """A parameter out of its range or form (a date that is none, an unknown language): 400,
    saying which and why, instead of the library's 422."""
    details = [
        # loc is ("query", "date_from", …): where, which, and the type it failed as.
        {"parameter": str(e["loc"][1]) if len(e["loc"]) > 1 else None, "error": e["msg"]}
        for e in error.errors
    ]
    return api.create_response(request, {"detail": details}, status=400)
