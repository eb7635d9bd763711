"""Copy Swagger UI and ReDoc into entente/web/static/docs/, so /docs and /redoc work offline.

The files come from the PyPI package drf-spectacular-sidecar, which republishes the npm builds of
swagger-ui-dist and redoc each month with their licences; only its wheel is downloaded (with
`pip download --no-deps`, Django is not needed), nothing at run time. One string is changed: the
address of the Redocly logo ReDoc shows beside its credit, the one file it would fetch from
elsewhere. Run from the repository root to update, with the release to take:

    .venv/bin/python scripts/vendor_api_docs.py [VERSION]
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "entente" / "web" / "static" / "docs"
PACKAGE = "drf-spectacular-sidecar"
VERSION = "2026.10.1"
STATIC = "drf_spectacular_sidecar/static/drf_spectacular_sidecar/"
# file in the wheel -> file in entente/web/static/docs/
FILES = {
    "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui-bundle.js",
    "swagger-ui-dist/swagger-ui.css": "swagger-ui.css",
    "swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt": "swagger-ui-bundle.js.LICENSE.txt",
    "swagger-ui-dist/LICENSE": "LICENSE-swagger-ui.txt",
    "redoc/bundles/redoc.standalone.js": "redoc.standalone.js",
    "redoc/bundles/redoc.standalone.js.LICENSE.txt": "redoc.standalone.js.LICENSE.txt",
    "redoc/LICENSE": "LICENSE-redoc.txt",
}
# ReDoc loads this logo beside "API docs by Redocly"; an empty data URL fails at once, and ReDoc
# then leaves the logo out (its onError), so the page asks nothing of another host
REDOC_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
NO_IMAGE = b"data:,"
NOTE = """# Swagger UI and ReDoc, served by entente at /docs and /redoc

Swagger UI {swagger} (`swagger-ui-dist` on npm, Apache License 2.0: `LICENSE-swagger-ui.txt`) and
ReDoc {redoc} (`redoc` on npm, MIT License: `LICENSE-redoc.txt`); the bundled libraries' own
notices are in the `*.LICENSE.txt` files beside each script. Copied from the PyPI package
{package} {version} by `scripts/vendor_api_docs.py` (run it to update them), unchanged but for the
address of the Redocly logo in `redoc.standalone.js`, made an empty `data:` URL so that the page
fetches nothing from another host (ReDoc leaves out a logo that does not load).
"""


def main(version: str = VERSION) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--dest", tmp, f"{PACKAGE}=={version}"], check=True)
        [wheel] = Path(tmp).glob("*.whl")
        with zipfile.ZipFile(wheel) as zf:
            TARGET.mkdir(parents=True, exist_ok=True)
            for source, name in FILES.items():
                data = zf.read(STATIC + source)
                if name == "redoc.standalone.js":
                    if data.count(REDOC_LOGO) != 1:
                        raise SystemExit(f"{source}: the Redocly logo's address is not there once; check the release")
                    data = data.replace(REDOC_LOGO, NO_IMAGE)
                (TARGET / name).write_bytes(data)
            metadata = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
            about = zf.read(metadata).decode("utf-8")
    versions = dict(re.findall(r"\* `(Swagger UI|Redoc)`_ version ``([^`]+)``", about))
    (TARGET / "README.md").write_text(NOTE.format(swagger=versions["Swagger UI"], redoc=versions["Redoc"],
                                                  package=PACKAGE, version=version), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:2])
