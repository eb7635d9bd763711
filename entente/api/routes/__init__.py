"""One router per resource; each route parses its parameters and calls one `entente.store.read`
function (or one job), then shapes the answer with `entente.api.schemas`."""

from __future__ import annotations

from typing import Any, TypeVar

from entente.api.schemas import Out, PageOut
from entente.store.read import Page

M = TypeVar("M", bound=Out)


def page_of(model: type[M], page: Page[Any]) -> PageOut[M]:
    """The API page of `page`, its items shaped as `model`."""
    return PageOut[model].model_validate(  # type: ignore[valid-type]
        {"items": page.items, "total": page.total, "total_exact": page.exact, "page": page.offset // page.limit + 1,
         "page_size": page.limit},
        from_attributes=True)
