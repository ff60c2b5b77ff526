"""XML sitemaps: urlsets with news tags, indexes, gzip, and XML that is not a sitemap."""

from __future__ import annotations

import gzip

import pytest

from geoevents.errors import InputError
from geoevents.sources.sitemaps import looks_like_sitemap, parse_sitemap

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <image:image><image:loc>https://example.org/photo.jpg</image:loc></image:image>
    <loc>https://example.org/world/talks.html</loc>
    <lastmod>2025-11-26T10:00:00+00:00</lastmod>
    <news:news><news:publication><news:name>Example</news:name></news:publication>
      <news:publication_date>2025-11-26</news:publication_date>
      <news:title>Talks in Bishkek</news:title></news:news>
  </url>
  <url><loc>https://example.org/world/other.html</loc></url>
  <url><lastmod>2025-11-26</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://example.org/sitemap-1.xml</loc><lastmod>2025-11-25</lastmod></sitemap>
  <sitemap><loc>https://example.org/sitemap-2.xml</loc></sitemap>
</sitemapindex>"""


def test_sources_sitemaps_reads_a_news_urlset():
    sitemap = parse_sitemap(URLSET, "sitemap.xml", 1_000_000)
    assert not sitemap.is_index
    first, second = sitemap.entries  # the <url> without <loc> is left out
    assert first.loc == "https://example.org/world/talks.html"  # not the image's loc
    assert (first.title, first.published, first.lastmod) == ("Talks in Bishkek", "2025-11-26",
                                                             "2025-11-26T10:00:00+00:00")
    assert second.loc == "https://example.org/world/other.html" and second.title is None


def test_sources_sitemaps_reads_an_index_and_gzip():
    sitemap = parse_sitemap(gzip.compress(INDEX), "sitemap.xml.gz", 1_000_000)
    assert sitemap.is_index
    assert [e.loc for e in sitemap.entries] == ["https://example.org/sitemap-1.xml",
                                                "https://example.org/sitemap-2.xml"]
    assert looks_like_sitemap(INDEX) and looks_like_sitemap(gzip.compress(URLSET))


@pytest.mark.parametrize("data, message", [
    (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "root element <rss>"),
    (b"<urlset><url><loc>x</loc>", "XML error"),
    (gzip.compress(URLSET * 50), "size limit"),
])
def test_sources_sitemaps_refuses_what_is_not_a_sitemap(data, message):
    with pytest.raises(InputError, match=message):
        parse_sitemap(data, "feed.xml", 2000)


def test_sources_sitemaps_does_not_resolve_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    data = (f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.org/&x;</loc>'
            "</url></urlset>").encode()
    sitemap = parse_sitemap(data, "evil.xml", 1_000_000)
    assert all("TOP SECRET" not in e.loc for e in sitemap.entries)
