"""Write the PDF test files in tests/data/formats/ and tests/data/bad/ from the hand-written articles
in tests/data/articles/ (see tests/data/README.md).

Needs LibreOffice Writer and poppler's pdftoppm (Debian: `apt-get install libreoffice-writer-nogui
poppler-utils`) besides the project's own pypdf. Run from the repository root:

    .venv/bin/python scripts/make_pdf_samples.py
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"
FORMATS = ROOT / "tests" / "data" / "formats"
BAD = ROOT / "tests" / "data" / "bad"

# A5 pages, two justified columns, automatic hyphenation: a page laid out like a newspaper's
FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/></office:font-face-decls>
<office:styles>
<style:style style:name="Body" style:family="paragraph">
 <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.15cm"/>
 <style:text-properties style:font-name="Liberation Serif" fo:font-size="10pt" fo:language="en" fo:country="US"
  fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
</style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A5"><style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm"
  fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/></style:page-layout>
 <style:style style:name="Columns" style:family="section"><style:section-properties>
  <style:columns fo:column-count="2" fo:column-gap="0.5cm"/></style:section-properties></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A5"/></office:master-styles>
<office:body><office:text><text:section text:style-name="Columns" text:name="Story">
{paragraphs}
</text:section></office:text></office:body></office:document>
"""


def soffice(source: Path, out: Path) -> Path:
    """`source` converted to PDF by LibreOffice, in the folder `out`."""
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(source)], check=True,
                   capture_output=True)
    return out / (source.stem + ".pdf")


def columns_pdf(doc_id: str, tmp: Path) -> Path:
    text = (ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8")
    paragraphs = "\n".join(f'<text:p text:style-name="Body">{html.escape(p.strip(), quote=False)}</text:p>'
                           for p in text.split("\n\n") if p.strip())
    source = tmp / f"{doc_id}.fodt"
    source.write_text(FODT.format(paragraphs=paragraphs), encoding="utf-8")
    return soffice(source, tmp)


def encrypted(pdf: Path, target: Path, *, user: str, owner: str, algorithm: str) -> None:
    writer = PdfWriter(clone_from=PdfReader(pdf))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    with target.open("wb") as fh:
        writer.write(fh)


def scanned(pdf: Path, target: Path, dpi: int = 40) -> None:
    """The first page of `pdf` as a grey picture and nothing else: what a scanner makes, without OCR."""
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(target.with_suffix(""))], check=True)
    pgm = target.with_suffix(".pgm").read_bytes()
    target.with_suffix(".pgm").unlink()
    magic, width, height, depth, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    w, h = int(width), int(height)
    page_w, page_h = w * 72 / dpi, h * 72 / dpi
    content = f"q {page_w:.2f} 0 0 {page_h:.2f} 0 0 cm /Scan Do Q".encode()
    image = zlib.compress(pixels[:w * h], 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w:.2f} {page_h:.2f}] /Contents 4 0 R "
        f"/Resources << /XObject << /Scan 5 0 R >> >> >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(image)) + image + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    target.write_bytes(bytes(out))


def main() -> None:
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        raise SystemExit("needs LibreOffice (soffice) and pdftoppm: apt-get install libreoffice-writer-nogui poppler-utils")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        columns = columns_pdf("kor_usa_yonhap_01", tmp)
        shutil.copy(columns, FORMATS / "yonhap_columns.pdf")
        plain = soffice(ARTICLES / "deu_pol_dpa_01.txt", tmp)
        # a permissions password only, as publishers set one: anyone may open and read it
        encrypted(plain, FORMATS / "dpa_restricted.pdf", user="", owner="entente-owner", algorithm="AES-128")
        encrypted(columns, BAD / "encrypted.pdf", user="entente-secret", owner="entente-owner", algorithm="AES-256")
        data = columns.read_bytes()
        (BAD / "truncated.pdf").write_bytes(data[: len(data) * 2 // 5])
        scanned(columns, BAD / "scanned.pdf")


if __name__ == "__main__":
    main()
