"""A news site on 127.0.0.1 for the watch tests and benchmark: feeds, a sitemap, pages, robots.txt.

``Site`` serves from memory, changes between polls as a test says, and logs every request:

- ``/robots.txt`` disallows ``/private/``;
- ``/feed.rss`` lists ``site.feed`` (keys of pages), with an ETag: a matching
  ``If-None-Match`` gets 304;
- ``/copies.rss`` lists ``site.copies`` (keys of pages served again under ``/copy/KEY.html``,
  the same article under a new URL);
- ``/sitemap.xml`` a news sitemap of ``site.sitemap``; ``/sitemap-index.xml`` an index naming
  it and a sitemap that is missing (404);
- ``/broken.rss`` answers 500; ``/slow.rss`` answers after ``site.slow_seconds``;
- ``/news/KEY.html`` and ``/copy/KEY.html`` the article of KEY, ``/private/KEY.html`` too
  (robots.txt forbids it), each after ``site.page_delay`` seconds.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COUNTRIES = ["Japan", "Russia", "China", "Kazakhstan", "Kyrgyzstan", "Turkey", "Germany", "France",
             "India", "Brazil", "Egypt", "Mongolia", "Uzbekistan", "Iran", "Poland", "Canada"]
VERBS = ["signed a trade agreement with", "held talks with", "criticised", "accused",
         "promised aid to", "expelled diplomats from", "praised", "threatened sanctions against"]
PLACES = ["Tokyo", "Moscow", "Beijing", "Astana", "Bishkek", "Ankara", "Berlin", "Paris"]


def article_text(key: str) -> list[str]:
    """Three paragraphs of an article, different for each key, the same for the same key."""
    rng = random.Random(key)
    a, b = rng.sample(COUNTRIES, 2)
    verb, place = rng.choice(VERBS), rng.choice(PLACES)
    return [f"{a} {verb} {b} on Tuesday, officials said in {place} ({key}).",
            f"The foreign ministry of {a} said the decision followed months of negotiations and "
            f"that a delegation would travel to {b} next month to continue the discussions.",
            f"Analysts in {place} said the move reflected a shift in the relations between the two "
            f"countries, which have long disagreed over trade and security, report {key}."]


def article_page(key: str, canonical: str | None = None) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in article_text(key))
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f"<html><head><title>Story {key}</title>{link}"
            '<meta property="article:published_time" content="2025-11-26"></head>'
            f"<body><nav>Home World Business</nav><article><h1>Story {key}</h1>{paragraphs}"
            "</article><footer>Contact us</footer></body></html>")


@dataclass
class Site:
    feed: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    private: list[str] = field(default_factory=list)  # listed in feed.rss under /private/
    sitemap: list[str] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)  # key -> canonical path of its page
    page_delay: float = 0.0
    slow_seconds: float = 3.0
    base: str = ""
    log: list[tuple[str, int]] = field(default_factory=list)  # (path, status) of each request
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests(self, path: str) -> int:
        with self.lock:
            return sum(1 for p, _ in self.log if p == path)

    def statuses(self, path: str) -> list[int]:
        with self.lock:
            return [s for p, s in self.log if p == path]

    def rss(self, title: str, links: list[tuple[str, str]]) -> str:
        items = "".join(f"<item><title>Story {key}</title><link>{self.base}{path}</link>"
                        f"<guid>{self.base}{path}</guid><description>Summary of story {key}, "
                        f"a report on relations between two countries.</description>"
                        f"<pubDate>Wed, 26 Nov 2025 0{n % 10}:00:00 GMT</pubDate></item>"
                        for n, (key, path) in enumerate(links))
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
                f"<link>{self.base}/</link><description>test</description>{items}</channel></rss>")

    def answer(self, path: str) -> tuple[int, str, str]:
        """(status, content type, body) for a path."""
        if path == "/robots.txt":
            return 200, "text/plain", "User-agent: *\nDisallow: /private/\n"
        if path == "/feed.rss":
            links = [(k, f"/news/{k}.html") for k in self.feed] + [(k, f"/private/{k}.html")
                                                                     for k in self.private]
            return 200, "application/rss+xml", self.rss("Test Wire", links)
        if path == "/copies.rss":
            return 200, "application/rss+xml", self.rss("Copy Desk", [(k, f"/copy/{k}.html")
                                                                       for k in self.copies])
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{self.base}/news/{k}.html</loc><news:news><news:title>Story {k}"
                           f"</news:title><news:publication_date>2025-11-26</news:publication_date>"
                           f"</news:news></url>" for k in self.sitemap)
            return 200, "application/xml", (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls + "</urlset>")
        if path == "/sitemap-index.xml":  # the sitemap above, and one that is missing
            maps = "".join(f"<sitemap><loc>{self.base}{loc}</loc><lastmod>2025-11-26</lastmod></sitemap>"
                           for loc in ("/sitemap.xml", "/gone-sitemap.xml"))
            return 200, "application/xml", (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                + maps + "</sitemapindex>")
        if path == "/broken.rss":
            return 500, "text/plain", "internal error"
        if path == "/slow.rss":
            time.sleep(self.slow_seconds)
            return 200, "application/rss+xml", self.rss("Slow", [])
        for prefix in ("/news/", "/copy/", "/private/"):
            if path.startswith(prefix) and path.endswith(".html"):
                key = path[len(prefix):-5]
                if self.page_delay:
                    time.sleep(self.page_delay)
                canonical = self.canonical.get(key)
                return 200, "text/html", article_page(key, self.base + canonical if canonical else None)
        return 404, "text/plain", "not found"


def serve(site: Site) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Start a real HTTP server on 127.0.0.1 for ``site``; ``site.base`` is set to its URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            status, media, body = site.answer(self.path)
            data = body.encode("utf-8")
            etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
            if status == 200 and self.path.endswith(".rss") and self.headers.get("If-None-Match") == etag:
                status, data = 304, b""
            with site.lock:
                site.log.append((self.path, status))
            try:
                self.send_response(status)
                if status != 304:
                    self.send_header("Content-Type", f"{media}; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                self.send_header("ETag", etag)
                self.end_headers()
                if status != 304:
                    self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (its deadline)
                pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return httpd, thread
