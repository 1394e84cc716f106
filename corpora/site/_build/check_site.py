#!/usr/bin/env python3
"""Check the generated crawl corpus: counts, encodings, links, feeds, sitemaps, determinism.

Usage: python3 corpora/site/_build/check_site.py
Exit code 0 when every check passes, 1 otherwise (each problem is printed with its file).
"""

from __future__ import annotations

import collections
import gzip
import html
import hashlib
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_site  # noqa: E402  (the generator is the source of truth for what should exist)

CHARSET_RE = re.compile(rb'<meta[^>]+charset=["\']?([A-Za-z0-9_-]+)', re.I)
ROOT_RELATIVE_RE = re.compile(r'(?:href|src|action)="/[^/]')
CANONICAL_RE = re.compile(r'<link rel="canonical" href="([^"]+)">')
CYRILLIC_RE = re.compile(r"[А-Яа-яЁё]")
problems: list[str] = []


def problem(where: object, what: str) -> None:
    problems.append(f"{where}: {what}")


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and "_build" not in p.parts and p.name != "README.md" and "__pycache__" not in p.parts}


def url_to_file(site: build_site.Site, url: str) -> Path | None:
    if not url.startswith(site.base + "/"):
        return None
    rest = url[len(site.base) + 1:]
    if rest == "" or rest.endswith("/"):
        rest += "index.html"
    return build_site.SITE_ROOT / site.id / rest


def check_article(site: build_site.Site, a: build_site.Article) -> None:
    path = build_site.SITE_ROOT / site.id / a.path
    data = path.read_bytes()
    declared = CHARSET_RE.search(data)
    if not declared:
        problem(path, "no charset declared in <meta>")
        return
    charset = declared.group(1).decode().lower()
    if charset != a.encoding:
        problem(path, f"declares {charset}, expected {a.encoding}")
    if data.startswith(b"\xef\xbb\xbf") != ("utf8-bom" in a.quirks):
        problem(path, "BOM presence does not match the utf8-bom quirk")
    try:
        text = data.decode(charset if charset != "utf-8" else "utf-8-sig")
    except UnicodeDecodeError as err:
        problem(path, f"not valid {charset}: {err}")
        return
    if charset != "utf-8":
        try:
            data.decode("utf-8")
            problem(path, f"declares {charset} but also decodes as UTF-8: not really {charset}-encoded")
        except UnicodeDecodeError:
            pass
    if a.ru and not CYRILLIC_RE.search(text):
        problem(path, "Russian article without Cyrillic text after decoding")
    unescaped = html.unescape(text)
    if a.title not in unescaped:
        problem(path, "title not found verbatim")
    for p in a.paragraphs:
        for piece in ([p] if isinstance(p, str) else p):
            if piece not in unescaped:
                problem(path, f"paragraph text missing: {piece[:60]}…")
    canon = CANONICAL_RE.search(text)
    if not canon or canon.group(1) != a.url:
        problem(path, f"canonical missing or wrong: {canon.group(1) if canon else None}")
    if ROOT_RELATIVE_RE.search(text):
        problem(path, "root-relative link (breaks the /<site-id> prefix mapping of the test server)")
    words = sum(len(p.split()) for p in a.plain_paragraphs())
    if "brief" in a.quirks:
        if words >= 150:
            problem(path, f"brief has {words} words, expected a short one")
    elif not (150 <= words <= 500) or not (3 <= len(a.paragraphs) <= 8):
        problem(path, f"{words} words in {len(a.paragraphs)} paragraphs (want 150-500 words, 3-8 paragraphs)")


def xml_urls(path: Path) -> list[str]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    root = ET.fromstring(data)
    urls = []
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag in ("loc", "guid") or (tag == "link" and el.text and el.text.strip()):
            urls.append(el.text.strip())
        elif tag == "link" and el.get("href"):
            urls.append(el.get("href"))
        elif tag == "id" and el.text and el.text.startswith("http"):
            urls.append(el.text.strip())
    return urls


HREF_RE = re.compile(r'(?:href|src)="([^"#]+)"')
MUST_EXIST = re.compile(r"^/(?:articles/.+\.html|page/\d+/(?:index\.html)?|index\.html|static/site\.css|"
                        r"(?:rss|atom|feed|sitemap)\.xml)?$")


def check_links(site: build_site.Site, folder: Path) -> None:
    """Internal links to articles, listings, feeds and CSS resolve (absolute or relative) to files of the bundle."""
    for page in sorted(folder.rglob("*.html")):
        rel = page.relative_to(folder).as_posix()
        page_url = f"{site.base}/{rel}"
        charset = CHARSET_RE.search(page.read_bytes())
        text = page.read_bytes().decode(charset.group(1).decode() if charset else "utf-8", errors="replace")
        for href in HREF_RE.findall(text):
            target = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, href.replace("&amp;", "&")))
            if target.netloc != site.domain or target.query or not MUST_EXIST.match(target.path):
                continue
            path = target.path[1:] or "index.html"
            if path.endswith("/"):
                path += "index.html"
            if not (folder / path).is_file():
                problem(page, f"link {href} -> {path} does not exist")


def check_site_files(site: build_site.Site) -> None:
    folder = build_site.SITE_ROOT / site.id
    check_links(site, folder)
    robots = (folder / "robots.txt").read_text(encoding="utf-8")
    if "Crawl-delay:" not in robots or "Disallow: /admin/" not in robots:
        problem(folder / "robots.txt", "needs Crawl-delay and Disallow: /admin/")
    xml_files = sorted(p for p in folder.iterdir() if p.name.endswith((".xml", ".xml.gz")))
    article_urls = {a.url for a in site.articles}
    in_sitemaps: set[str] = set()
    for xml_file in xml_files:
        for url in xml_urls(xml_file):
            target = url_to_file(site, url)
            if target is None:
                problem(xml_file, f"URL not absolute on {site.base}: {url}")
            elif not target.is_file():
                problem(xml_file, f"URL has no file: {url} -> {target}")
            if xml_file.name.startswith("sitemap"):
                in_sitemaps.add(url)
    missing = article_urls - in_sitemaps
    if missing:
        problem(folder, f"{len(missing)} articles missing from sitemaps, e.g. {sorted(missing)[0]}")
    # listings: page n links the n-th slice of 10 articles (newest first) and rel=next the page after it
    pages = site.pages()
    for number, items in enumerate(pages, start=1):
        page = folder / site.listing_path(number)
        if not page.is_file():
            problem(page, "listing page missing")
            continue
        text = page.read_text(encoding="utf-8")
        for a in items:
            if a.url not in text and a.path not in text:
                problem(page, f"does not link {a.url}")
        if ('rel="next"' in text) != (number < len(pages)):
            problem(page, "rel=next present on the last page or missing before it")
    if (folder / site.listing_path(len(pages) + 1)).exists():
        problem(folder, "stale listing page after the last one")


def main() -> int:
    before = tree_digest(build_site.SITE_ROOT)
    build_site.main()
    after = tree_digest(build_site.SITE_ROOT)
    if before != after:
        changed = sorted(set(before) ^ set(after) | {k for k in before if before.get(k) != after.get(k)})
        problem("build", f"regeneration changed {len(changed)} files (commit the output), e.g. {changed[:3]}")

    counts: dict = collections.Counter()
    years: dict = collections.defaultdict(collections.Counter)
    months: set = set()
    for site in build_site.SITES.values():
        if not site.articles:
            problem(site.id, "no articles")
            continue
        for a in site.articles:
            check_article(site, a)
            counts[(site.id, a.lang)] += 1
            years[site.id][a.local.year] += 1
            months.add((a.local.year, a.local.month))
        check_site_files(site)

    print("articles per site and language:")
    for site in build_site.SITES.values():
        encodings = collections.Counter(a.encoding for a in site.articles)
        print(f"  {site.id:22} en={counts[(site.id, 'en')]:3} ru={counts[(site.id, 'ru')]:3} "
              f"encodings={dict(sorted(encodings.items()))} years={dict(sorted(years[site.id].items()))}")
    total_en = sum(v for (s, lang), v in counts.items() if lang == "en")
    total_ru = sum(v for (s, lang), v in counts.items() if lang == "ru")
    print(f"total: {total_en + total_ru} (en {total_en}, ru {total_ru}); distinct year-months: {len(months)}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
