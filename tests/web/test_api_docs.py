"""The API's docs pages in headless Chromium with every request to another host refused, as on a
laptop with no network: Swagger UI lists every operation of the spec and runs one, ReDoc draws
every operation, and neither asks anything of another host. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import httpx
import pytest

from tests.web.test_browser import shot

pytestmark = pytest.mark.slow
LOAD_MS = 30_000  # the first load parses 1.6 MB of script, on a machine shared with other tests


@pytest.fixture
def elsewhere(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The requests the page made to any other host than the test server, each refused."""
    refused: list[str] = []

    def only_here(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(page.base):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", only_here)
    return refused


@pytest.fixture(scope="module")
def operations(server: str) -> int:
    spec = httpx.get(server + "openapi.json", timeout=20).json()
    return sum(len(methods) for methods in spec["paths"].values())


def test_swagger_ui_lists_every_operation_and_runs_one_offline(page, elsewhere, operations) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "docs")
    page.wait_for_selector(".opblock", timeout=LOAD_MS)
    assert page.locator(".opblock").count() == operations
    assert "/events" in page.locator(".opblock-summary-path").all_inner_texts()
    events = page.locator(".opblock").filter(has=page.locator(".opblock-summary-path", has_text="/events")).first
    events.locator(".opblock-summary").click()
    events.get_by_role("button", name="Try it out").click()
    events.get_by_role("button", name="Execute").click()
    status = events.locator(".live-responses-table .response .response-col_status").first
    status.wait_for(timeout=LOAD_MS)
    assert status.inner_text().strip() == "200"
    shot(page, "api_docs")
    assert not elsewhere


def test_redoc_draws_every_operation_offline(page, elsewhere, operations) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "redoc")
    page.wait_for_selector("[id*='/operation/']", timeout=LOAD_MS)
    assert page.locator("[id*='/operation/']").count() == operations
    assert page.get_by_text("List events; every given filter must hold").count() > 0
    shot(page, "api_redoc")
    assert not elsewhere
