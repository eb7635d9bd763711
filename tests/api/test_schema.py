"""Property-based tests against the app's own OpenAPI spec: no 500s, and every response (errors
included) has a status, content type and body the spec declares."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from entente.api import ApiOptions, create_app
from entente.config import Settings

pytestmark = pytest.mark.slow
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
OPERATIONS = [("GET", "/events"), ("GET", "/events/{event_id}"), ("GET", "/articles"), ("GET", "/articles/{doc_id}"),
              ("GET", "/actors"), ("GET", "/actors/{actor_id}"), ("GET", "/relations/{a}/{b}"),
              ("GET", "/facts/{a}/{b}"), ("GET", "/search"), ("POST", "/ingest"), ("GET", "/dashboard/pairs"),
              ("GET", "/dashboard/network"), ("GET", "/dashboard/trends/{a}/{b}"), ("GET", "/dashboard/articles/{doc_id}"),
              ("GET", "/export/{format}"), ("GET", "/watch/status")]


@pytest.fixture(scope="module")
def api_schema(sample_db: str) -> schemathesis.BaseSchema:
    # schemathesis calls the app by the name 'testserver': the server is told that is its own name
    app = create_app(Settings(db=sample_db), ApiOptions(allowed_hosts=("testserver",)))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_tested(api_schema: schemathesis.BaseSchema) -> None:
    spec = {(m.upper(), p) for p, ops in api_schema.raw_schema["paths"].items() for m in ops}
    assert spec == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("method, path", OPERATIONS)
def test_operation_conforms_to_the_spec(api_schema: schemathesis.BaseSchema, method: str, path: str,
                                        mode: GenerationMode) -> None:
    """Valid requests (positive) and requests that break the spec (negative) alike."""
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    check()
