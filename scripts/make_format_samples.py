"""Write the test corpus of container formats in tests/data/formats/ and the broken ones in
tests/data/bad/, from the hand-written articles in tests/data/articles/.

The same Yonhap article appears as a saved web page (with menus, a cookie notice and a
related-stories box), a JSON Lines record, a CSV row, a feed entry and a WARC response record, so
tests can check that every format gives the same record. Run from the repository root:

    .venv/bin/python scripts/make_format_samples.py
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"
FORMATS = ROOT / "tests" / "data" / "formats"
BAD = ROOT / "tests" / "data" / "bad"

MAIN = "kor_usa_yonhap_01"
MAIN_URL = "https://en.yna.co.kr/view/AEN20241112004100315"
MAIN_TITLE = "FM Cho, Blinken condemn N. Korean troop deployment to Russia in phone talks"
SITE = "Yonhap News Agency"
OTHERS = [("ind_jpn_ani_01", "https://www.aninews.in/news/world/asia/india-japan-ministers-meet", "ANI"),
          ("chn_phl_xinhua_01", "https://english.news.cn/20241009/china-philippines", "Xinhua"),
          ("deu_pol_dpa_01", "https://www.dpa-international.com/topic/germany-poland", "dpa")]


def article(doc_id: str) -> tuple[str, str]:
    """The publication date and body of a test article, without its ` date ` header."""
    text = (ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8")
    date, body = text.strip().split(" ", 2)[1:]
    return date, body


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n\n") if p.strip()]


def article_html(body: str) -> str:
    parts = []
    for p in paragraphs(body):
        short_heading = len(p.split()) <= 4 and not p.endswith((".", ")"))
        parts.append(f"<h2>{html.escape(p)}</h2>" if short_heading else f"<p>{html.escape(p)}</p>")
    return "\n      ".join(parts)


def news_page(date: str, body: str, title: str = MAIN_TITLE, site: str = SITE, url: str = MAIN_URL) -> str:
    """A saved news page shaped like a real one: head metadata, menus, a cookie notice, the
    article, a related-stories box, a newsletter box and a footer."""
    menu = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in
                   ("Home", "National", "North Korea", "Politics", "Economy", "Market", "Sports", "Culture",
                    "World", "Opinion", "Photos", "Video"))
    related = [
        ("Trump names Hegseth as defense secretary", "President-elect Donald Trump picked Fox News host Pete "
         "Hegseth to lead the Pentagon, surprising many in Washington."),
        ("Japan PM Ishiba to visit Peru for APEC summit", "Japanese Prime Minister Shigeru Ishiba will meet "
         "Chinese President Xi Jinping in Lima, officials in Tokyo said on Monday."),
        ("N. Korea fires short-range ballistic missiles", "North Korea fired several short-range ballistic "
         "missiles into the East Sea on Tuesday, the Joint Chiefs of Staff said."),
    ]
    boxes = "".join(f'<li><a href="/view/AEN2024111{i}"><strong>{html.escape(h)}</strong></a>'
                    f"<p>{html.escape(b)}</p></li>" for i, (h, b) in enumerate(related))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)} | {site}</title>
  <meta property="og:title" content="{html.escape(title)}">
  <meta property="og:site_name" content="{site}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="{date}T15:41:00+09:00">
  <link rel="canonical" href="{url}">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
  <style>.gnb li {{ display: inline; }}</style>
</head>
<body>
  <div id="cookie-consent">We use cookies to improve your experience. <a href="/privacy">Learn more</a>
    <button>Accept all cookies</button></div>
  <header class="header">
    <a class="logo" href="/">Yonhap News Agency</a>
    <nav class="gnb"><ul>{menu}</ul></nav>
    <form class="search"><input name="q" placeholder="Search"></form>
  </header>
  <main>
    <article class="story-news article">
      <h1 class="tit">{html.escape(title)}</h1>
      <p class="update-time">All News 15:41 November 12, 2024</p>
      {article_html(body)}
      <p class="copyright">(C) Yonhap News Agency. All Rights Reserved</p>
    </article>
    <aside class="related-news">
      <h2>Related stories</h2>
      <ul>{boxes}</ul>
    </aside>
    <section class="newsletter"><h2>Newsletter</h2><p>Get the day's top stories from Korea in your inbox
      every morning.</p><button>Subscribe</button></section>
  </main>
  <footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
    <li><a href="/terms">Terms of use</a></li></ul><p>Copyright Yonhap News Agency 2024</p></footer>
</body>
</html>
"""


def records() -> list[dict[str, str]]:
    date, body = article(MAIN)
    rows = [{"id": "yna-20241112-0041", "url": MAIN_URL, "headline": MAIN_TITLE, "published_at": f"{date}T15:41:00+09:00",
             "outlet": SITE, "body": body}]
    for doc_id, url, outlet in OTHERS:
        d, b = article(doc_id)
        rows.append({"id": doc_id, "url": url, "headline": paragraphs(b)[0][:80], "published_at": d,
                     "outlet": outlet, "body": b})
    return rows


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> bytes:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    path.write_bytes(data)
    return data


def write_csv(path: Path, rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["article_id", "title", "date", "link", "source", "content"])
    for r in rows:
        writer.writerow([r["id"], r["headline"], r["published_at"][:10], r["url"], r["outlet"], r["body"]])
    path.write_text(out.getvalue(), encoding="utf-8")
    return out.getvalue().encode("utf-8")


def rss(rows: list[dict[str, str]]) -> str:
    items = "".join(f"""
    <item>
      <title>{html.escape(r["headline"])}</title>
      <link>{r["url"]}</link>
      <guid isPermaLink="false">{r["id"]}</guid>
      <pubDate>{r["published_at"][:10]}T09:00:00Z</pubDate>
      <description>{html.escape(paragraphs(r["body"])[0])}</description>
      <content:encoded><![CDATA[{"".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(r["body"]))}]]></content:encoded>
    </item>""" for r in rows)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>World news wire</title>
    <link>https://wire.example.org/</link>
    <description>Diplomacy stories from the agencies</description>{items}
  </channel>
</rss>
"""


def atom(rows: list[dict[str, str]]) -> str:
    entries = "".join(f"""
  <entry>
    <title>{html.escape(r["headline"])}</title>
    <link href="{r["url"]}"/>
    <id>urn:wire:{r["id"]}</id>
    <updated>{r["published_at"][:10]}T09:00:00Z</updated>
    <summary type="html">{html.escape("".join(f"<p>{p}</p>" for p in paragraphs(r["body"])))}</summary>
  </entry>""" for r in rows)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Asia desk</title>
  <id>urn:wire:asia</id>
  <updated>2024-11-12T09:00:00Z</updated>{entries}
</feed>
"""


def warc(pages: list[tuple[str, bytes, str, str]]) -> bytes:
    """A gzipped WARC with a request and a response for each (url, payload, content type, status)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for i, (url, payload, ctype, status) in enumerate(pages):
        fixed = {"WARC-Date": "2024-11-12T07:00:00Z", "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{i:012d}>"}
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=req, warc_headers_dict=dict(
            fixed, **{"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-9000-{i:012d}>"})))
        headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(payload)))],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers, warc_headers_dict=fixed))
    return out.getvalue()


def main() -> None:
    FORMATS.mkdir(parents=True, exist_ok=True)
    date, body = article(MAIN)
    page = news_page(date, body)
    (FORMATS / "yonhap_page.html").write_text(page, encoding="utf-8")
    (FORMATS / "yonhap_page.html.gz").write_bytes(gzip.compress(page.encode("utf-8"), mtime=0))
    rows = records()
    jsonl = write_jsonl(FORMATS / "dump.jsonl", rows)
    (FORMATS / "dump.jsonl.gz").write_bytes(gzip.compress(jsonl, mtime=0))
    write_csv(FORMATS / "dump.csv", rows)
    (FORMATS / "wire.rss").write_text(rss(rows[:3]), encoding="utf-8")
    (FORMATS / "asia.atom").write_text(atom(rows[1:]), encoding="utf-8")
    other_date, other_body = article("tur_grc_aa_01")
    archive = warc([
        (MAIN_URL, page.encode("utf-8"), "text/html; charset=utf-8", "200 OK"),
        ("https://en.yna.co.kr/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png", "200 OK"),
        ("https://en.yna.co.kr/missing", b"<html><body>Not found</body></html>", "text/html", "404 Not Found"),
        ("https://www.aa.com.tr/en/turkiye-greece", news_page(other_date, other_body, "Fidan, Gerapetritis meet in "
         "Athens", "Anadolu Agency", "https://www.aa.com.tr/en/turkiye-greece").encode("utf-8"), "text/html", "200 OK"),
    ])
    (FORMATS / "pages.warc.gz").write_bytes(archive)

    # the bad corpus: each file fails or warns in one particular way
    (BAD / "truncated.warc.gz").write_bytes(archive[: len(archive) * 3 // 4])
    (BAD / "truncated.html").write_text(page[: len(page) // 2], encoding="utf-8")
    (BAD / "zero_text.html").write_text(page.split("<main>")[0] + "<main></main></body></html>\n", encoding="utf-8")
    lines = jsonl.decode("utf-8").splitlines()
    (BAD / "malformed.jsonl").write_text("\n".join([lines[1], lines[2][:200], "[1, 2, 3]", lines[3]]) + "\n",
                                         encoding="utf-8")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "date", "text"])
    writer.writerow([rows[1]["headline"], rows[1]["published_at"], rows[1]["body"]])
    writer.writerow(["A row with a missing column", rows[2]["body"][:300]])
    writer.writerow([rows[3]["headline"], "1850-03-01", rows[3]["body"]])
    (BAD / "malformed.csv").write_text(out.getvalue(), encoding="utf-8")
    (BAD / "old_date.txt").write_text(" date 1899-12-31 " + article("tur_grc_aa_01")[1], encoding="utf-8")
    parts = [p.encode("utf-8") for p in paragraphs(article("bra_arg_agbr_01")[1])]
    pasted = "Lula já esteve em São Paulo e Brasília antes da viagem, disse a assessoria.".encode("cp1252")
    (BAD / "mixed_encoding.txt").write_bytes(b"\n\n".join(parts[:3] + [pasted] + parts[3:]) + b"\n")


if __name__ == "__main__":
    main()
