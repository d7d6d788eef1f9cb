"""The OpenAPI description, generated from the code, and the Swagger UI page that shows it with
assets the portal serves itself under the strict Content-Security-Policy. Schemathesis then
sends what the description allows to every operation: no server error, and every answer has a
status and a body that the description declares."""

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.test_csp import check as strict_policy
from wgportal.wsgi import application

pytestmark = pytest.mark.django_db

OPERATIONS = {
    "/api/v1/bodies",
    "/api/v1/bodies/{slug}",
    "/api/v1/meetings",
    "/api/v1/meetings/{slug}",
    "/api/v1/decisions",
    "/api/v1/decisions/{session}/{index}",
    "/api/v1/documents",
    "/api/v1/documents/{symbol}",
    "/api/v1/agendas",
    "/api/v1/agendas/{slug}",
    "/api/v1/recommendations",
    "/api/v1/recommendations/{slug}/{number}",
}


def test_description_lists_every_operation_with_its_refusals(api):
    description = api("/api/v1/openapi.json").json()
    assert description["openapi"].startswith("3.")
    assert set(description["paths"]) == OPERATIONS
    for path, methods in description["paths"].items():
        assert set(methods) == {"get"}, path
        assert {"200", "400", "404", "429"} <= set(methods["get"]["responses"]), path
        names = {p["name"] for p in methods["get"]["parameters"]}
        assert "lang" in names, path


def test_swagger_page_serves_its_own_assets_under_the_strict_policy(api, client):
    response = client.get("/api/v1/docs/")
    strict_policy(response)
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/static/ninja/swagger-ui-init.js" in html
    assert "http://" not in html.replace("http://testserver", "")
    assert "https://" not in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui-init.js", "swagger-ui.css"):
        assert finders.find(f"ninja/{asset}"), asset  # collected with the portal's own


@pytest.fixture
def same_connection():
    """The portal's WSGI application, called directly, keeps the test's database connection
    (and its transaction) from request to request, as Django's test client does."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# Loaded through the portal itself, as a client would: no database is needed for it.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@schema.parametrize()
@settings(
    derandomize=True,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_keeps_to_its_description(same_connection, case):
    case.call_and_validate(
        checks=[not_a_server_error, status_code_conformance, response_schema_conformance]
    )
