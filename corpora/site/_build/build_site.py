#!/usr/bin/env python3
"""Generate the bundled crawl corpus under corpora/site/<site-id>/.

The article texts live in _build/articles/<site-id>.<lang>.json; this script only
holds the four site templates, the listings, feeds, sitemaps and robots.txt.
Output is deterministic: running it again rewrites the same bytes.

Usage: python3 corpora/site/_build/build_site.py
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import shutil
import urllib.parse
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
SITE_ROOT = BUILD_DIR.parent
PAGE_SIZE = 10
FEED_SIZE = 15

RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                 "августа", "сентября", "октября", "ноября", "декабря"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
EN_MONTHS_SHORT = [m[:3] for m in EN_MONTHS]
RFC822_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


# ---------------------------------------------------------------- time zones
# Hand-written rules so the output does not depend on the host's tz database.

def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    while day.weekday() != 6:
        day -= dt.timedelta(days=1)
    return day


def moscow_offset(local: dt.datetime) -> dt.timedelta:
    # UTC+4 from March 2011 until 26 October 2014 02:00 local, UTC+3 afterwards.
    if local < dt.datetime(2014, 10, 26, 2, 0):
        return dt.timedelta(hours=4)
    return dt.timedelta(hours=3)


def london_offset(local: dt.datetime) -> dt.timedelta:
    start = dt.datetime.combine(_last_sunday(local.year, 3), dt.time(1, 0))
    end = dt.datetime.combine(_last_sunday(local.year, 10), dt.time(1, 0))
    return dt.timedelta(hours=1) if start <= local < end else dt.timedelta(0)


def utc_offset(_: dt.datetime) -> dt.timedelta:
    return dt.timedelta(0)


def aware(local: dt.datetime, offset_rule) -> dt.datetime:
    return local.replace(tzinfo=dt.timezone(offset_rule(local)))


def to_moscow(moment: dt.datetime) -> dt.datetime:
    utc = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    hours = 4 if utc < dt.datetime(2014, 10, 25, 22, 0) else 3
    return (utc + dt.timedelta(hours=hours)).replace(tzinfo=dt.timezone(dt.timedelta(hours=hours)))


def iso(moment: dt.datetime) -> str:
    text = moment.isoformat(timespec="seconds")
    return text.replace("+00:00", "Z")


def rfc822(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.timezone.utc)
    return (f"{RFC822_DAYS[utc.weekday()]}, {utc.day:02d} {EN_MONTHS_SHORT[utc.month - 1]} "
            f"{utc.year} {utc.hour:02d}:{utc.minute:02d}:{utc.second:02d} +0000")


def ru_long_date(d: dt.datetime) -> str:
    return f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} года"


def en_day_month(d: dt.datetime) -> str:
    return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"


def en_month_day(d: dt.datetime) -> str:
    return f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}"


# ---------------------------------------------------------------- content

class Article:
    def __init__(self, site: "Site", raw: dict, source: Path):
        self.site = site
        self.slug: str = raw["slug"]
        self.lang: str = raw["lang"]
        self.title: str = raw["title"]
        self.section: str = raw.get("section", "")
        self.author: str | None = raw.get("author")
        self.author_bio: str | None = raw.get("author_bio")
        self.place: str | None = raw.get("place")
        self.paragraphs: list = raw["paragraphs"]
        self.comments: list = raw.get("comments", [])
        self.quirks: list[str] = raw.get("quirks", [])
        self.encoding: str = raw.get("encoding") or site.encoding_for(self.lang)
        self.local = dt.datetime.fromisoformat(raw["published"])
        self.published = aware(self.local, site.offset_rule)
        modified = raw.get("modified")
        self.modified = aware(dt.datetime.fromisoformat(modified), site.offset_rule) if modified else None
        self.source = source
        if self.lang not in ("en", "ru"):
            raise ValueError(f"{source}: article {self.slug}: lang must be en or ru, got {self.lang!r}")

    @property
    def path(self) -> str:
        return f"articles/{self.local.year:04d}/{self.local.month:02d}/{self.slug}.html"

    @property
    def url(self) -> str:
        return f"{self.site.base}/{self.path}"

    @property
    def ru(self) -> bool:
        return self.lang == "ru"

    def plain_paragraphs(self) -> list[str]:
        out = []
        for p in self.paragraphs:
            out.append(p if isinstance(p, str) else f"{p[0]}: {p[1]}")
        return out

    def summary(self, limit: int = 200) -> str:
        first = self.plain_paragraphs()[0]
        if len(first) <= limit:
            return first
        cut = first[:limit].rsplit(" ", 1)[0]
        return cut + "…"


class Site:
    def __init__(self, site_id: str, domain: str, offset_rule, ru_encoding: str = "utf-8"):
        self.id = site_id
        self.domain = domain
        self.base = f"https://{domain}"
        self.offset_rule = offset_rule
        self.ru_encoding = ru_encoding
        self.articles: list[Article] = []

    def encoding_for(self, lang: str) -> str:
        return self.ru_encoding if lang == "ru" else "utf-8"

    def newest_first(self) -> list[Article]:
        return sorted(self.articles, key=lambda a: (a.published, a.slug), reverse=True)

    def latest(self, lang: str, count: int, exclude: Article | None = None) -> list[Article]:
        return [a for a in self.newest_first() if a.lang == lang and a is not exclude][:count]

    def related(self, article: Article, count: int = 3) -> list[Article]:
        same = [a for a in self.articles if a.lang == article.lang and a is not article]
        same.sort(key=lambda a: (abs((a.published - article.published).total_seconds()), a.slug))
        return same[:count]

    def pages(self) -> list[list[Article]]:
        items = self.newest_first()
        return [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)]

    def listing_url(self, number: int) -> str:
        return f"{self.base}/" if number == 1 else f"{self.base}/page/{number}/"

    def listing_path(self, number: int) -> str:
        return "index.html" if number == 1 else f"page/{number}/index.html"


def load_articles(sites: dict[str, Site]) -> None:
    for source in sorted((BUILD_DIR / "articles").glob("*.json")):
        site_id = source.name.split(".")[0]
        if site_id not in sites:
            raise ValueError(f"{source}: file name must start with a site id ({', '.join(sites)})")
        with source.open(encoding="utf-8") as fh:
            for raw in json.load(fh):
                sites[site_id].articles.append(Article(sites[site_id], raw, source))
    for site in sites.values():
        seen: dict[str, Path] = {}
        for a in site.articles:
            if a.path in seen:
                raise ValueError(f"{a.source}: duplicate article path {a.path} (also in {seen[a.path]})")
            seen[a.path] = a.source


# ---------------------------------------------------------------- shared pieces

def paragraphs_html(article: Article, p_class: str = "", speaker_tag: str = "strong") -> str:
    attr = f' class="{p_class}"' if p_class else ""
    lines = []
    for p in article.paragraphs:
        if isinstance(p, str):
            lines.append(f"<p{attr}>{esc(p)}</p>")
        else:
            speaker, text = p
            lines.append(f"<p{attr}><{speaker_tag}>{esc(speaker)}:</{speaker_tag}> {esc(text)}</p>")
    return "\n".join(lines)


def share_url(base: str, url: str) -> str:
    return base + urllib.parse.quote(url, safe="")


def cookie_script(banner_id: str, button_id: str, cookie_name: str) -> str:
    return (
        "<script>\n"
        "(function () {\n"
        f"  var banner = document.getElementById('{banner_id}');\n"
        f"  if (document.cookie.indexOf('{cookie_name}=1') !== -1) {{ banner.style.display = 'none'; }}\n"
        f"  document.getElementById('{button_id}').addEventListener('click', function () {{\n"
        f"    document.cookie = '{cookie_name}=1; path=/; max-age=31536000';\n"
        "    banner.style.display = 'none';\n"
        "  });\n"
        "})();\n"
        "</script>"
    )


def apply_quirks(article: Article, page: str) -> str:
    if "malformed" in article.quirks:
        # An old CMS export: paragraphs and some blocks never closed, an unquoted
        # attribute, a stray end tag and no closing body/html.
        page = page.replace("</p>", "")
        page = page.replace("</li>", "")
        page = page.replace('<div class="story-body">', '<div class=story-body><font color=#333>', 1)
        page = page.replace("</body>\n</html>\n", "</span>\n")
        page = page.replace("</div><!-- /story-body -->", "", 1)
    return page


def pagination_head(site: "Site", number: int, total: int) -> str:
    """<link rel=prev/next> for listing page `number` of `total` (absolute URLs, like most CMSes emit)."""
    links = ""
    if number > 1:
        links += f'<link rel="prev" href="{site.listing_url(number - 1)}">\n'
    if number < total:
        links += f'<link rel="next" href="{site.listing_url(number + 1)}">\n'
    return links


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_text(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> None:
    data = text.encode(encoding, errors="xmlcharrefreplace")
    if bom:
        data = b"\xef\xbb\xbf" + data
    write_bytes(path, data)


def meta_charset(encoding: str) -> str:
    if encoding == "utf-8":
        return '<meta charset="utf-8">'
    return f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">'


# ================================================================ site 1: ministry press releases

MID = Site("mid-press", "www.mid-press.example", moscow_offset)

MID_TEXT = {
    "ru": dict(ministry="Министерство иностранных дел", dept="Департамент информации и печати",
               home="Главная", press="Пресс-служба", all_news="Все материалы",
               menu=["Министерство", "Внешняя политика", "Пресс-служба", "Консульские вопросы", "Документы", "Контакты"],
               cookie="Сайт использует файлы cookie для анализа посещаемости. Продолжая работу с сайтом, вы соглашаетесь с их использованием.",
               accept="Понятно", share="Поделиться", related="Материалы по теме", topics="Актуальные темы",
               latest="Последние публикации", print="Версия для печати", doc="Документ",
               footer="Учебный сайт проекта Discourse. Все тексты вымышлены и написаны для тестирования.",
               staff="Вход для сотрудников", search="Поиск по сайту", subscribe="Подписаться на рассылку",
               older="Следующая страница", newer="Предыдущая страница", lang_switch="English"),
    "en": dict(ministry="Ministry of Foreign Affairs", dept="Information and Press Department",
               home="Home", press="Press service", all_news="All materials",
               menu=["Ministry", "Foreign policy", "Press service", "Consular matters", "Documents", "Contacts"],
               cookie="This website uses cookies to analyse traffic. By continuing to browse you agree to their use.",
               accept="OK", share="Share", related="Related materials", topics="Current topics",
               latest="Latest publications", print="Print version", doc="Document",
               footer="A training site of the Discourse project. All texts are fictional and written for testing.",
               staff="Staff login", search="Site search", subscribe="Subscribe to the newsletter",
               older="Next page", newer="Previous page", lang_switch="Русский"),
}
MID_TOPICS = {
    "ru": ["Консульская помощь гражданам", "Визовые вопросы", "Международная безопасность", "Экономическая дипломатия"],
    "en": ["Consular assistance", "Visa matters", "International security", "Economic diplomacy"],
}


def mid_head(site: Site, title: str, lang: str, canonical: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
{meta_charset('utf-8')}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<link rel="canonical" href="{canonical}">
<link rel="alternate" type="application/rss+xml" title="RSS" href="{site.base}/rss.xml">
<link rel="stylesheet" href="{site.base}/static/site.css">
{extra}</head>"""


def mid_header(site: Site, lang: str) -> str:
    t = MID_TEXT[lang]
    menu = "\n".join(
        f'      <li class="main-menu__item"><a href="{site.base}/{lang}/section-{i + 1}/">{esc(name)}</a></li>'
        for i, name in enumerate(t["menu"]))
    other = "en" if lang == "ru" else "ru"
    return f"""<div id="cookie-notice" class="cookie-notice">
  <span class="cookie-notice__text">{esc(t['cookie'])}</span>
  <button type="button" id="cookie-accept" class="cookie-notice__btn">{esc(t['accept'])}</button>
</div>
<div id="wrapper">
  <div class="header-top">
    <div class="header-top__logo"><a href="{site.base}/"><img src="{site.base}/static/emblem.png" alt=""> {esc(t['ministry'])}</a></div>
    <div class="header-top__tools">
      <form class="search-form" action="{site.base}/search" method="get"><input type="text" name="q" placeholder="{esc(t['search'])}"></form>
      <a class="lang-switch" href="{site.base}/{other}/">{esc(t['lang_switch'])}</a>
    </div>
  </div>
  <div class="nav-bar">
    <ul class="main-menu">
{menu}
    </ul>
  </div>"""


def mid_sidebar(site: Site, lang: str, exclude: Article | None) -> str:
    t = MID_TEXT[lang]
    topics = "\n".join(f'      <li><a href="{site.base}/{lang}/topics/{i + 1}/">{esc(x)}</a></li>'
                       for i, x in enumerate(MID_TOPICS[lang]))
    latest = "\n".join(
        f'      <li><span class="side-date">{a.local:%d.%m.%Y}</span> <a href="{a.url}">{esc(a.title)}</a></li>'
        for a in site.latest(lang, 5, exclude))
    return f"""  <div class="col-side">
    <div class="side-block">
      <div class="side-block__title">{esc(t['topics'])}</div>
      <ul class="side-list">
{topics}
      </ul>
    </div>
    <div class="side-block">
      <div class="side-block__title">{esc(t['latest'])}</div>
      <ul class="side-list side-list--dated">
{latest}
      </ul>
    </div>
    <div class="side-block side-block--subscribe"><a href="{site.base}/subscribe/">{esc(t['subscribe'])}</a></div>
  </div>"""


def mid_footer(site: Site, lang: str) -> str:
    t = MID_TEXT[lang]
    return f"""  <div class="footer">
    <div class="footer__cols">
      <ul class="footer__links">
        <li><a href="{site.base}/">{esc(t['home'])}</a></li>
        <li><a href="{site.base}/rss.xml">RSS</a></li>
        <li><a href="{site.base}/sitemap.xml">Sitemap</a></li>
        <li><a href="{site.base}/admin/">{esc(t['staff'])}</a></li>
      </ul>
      <div class="footer__copy">© {esc(t['ministry'])}, 2004–2024. {esc(t['footer'])}</div>
    </div>
  </div>
</div>
{cookie_script('cookie-notice', 'cookie-accept', 'mid_cookie_ok')}
</body>
</html>
"""


def mid_article(site: Site, a: Article) -> str:
    t = MID_TEXT[a.lang]
    visible_date = ru_long_date(a.local) if a.ru else en_day_month(a.local)
    meta = (f'<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{esc(a.title)}">\n'
            f'<meta property="og:url" content="{a.url}">\n'
            f'<meta property="og:description" content="{esc(a.summary())}">\n'
            f'<meta property="og:site_name" content="{esc(t["ministry"])}">\n'
            f'<meta property="article:published_time" content="{iso(a.published)}">\n'
            f'<meta name="description" content="{esc(a.summary())}">\n')
    if a.modified:
        meta += f'<meta property="article:modified_time" content="{iso(a.modified)}">\n'
    related = "\n".join(f'        <li><a href="{r.url}">{esc(r.title)}</a></li>' for r in site.related(a))
    doc_no = f"{(a.local.timetuple().tm_yday * 7 + len(a.slug)) % 2000:04d}-{a.local:%d-%m-%Y}"
    share = "\n".join([
        f'        <a class="share-btn share-btn--vk" href="{share_url("https://vk.example/share.php?url=", a.url)}">VK</a>',
        f'        <a class="share-btn share-btn--tg" href="{share_url("https://t.example/share/url?url=", a.url)}">Telegram</a>',
        f'        <a class="share-btn share-btn--tw" href="{share_url("https://twitter.example/intent/tweet?url=", a.url)}">Twitter</a>',
    ])
    return f"""{mid_head(site, f"{a.title} - {t['ministry']}", a.lang, a.url, meta)}
<body class="page-press-release">
{mid_header(site, a.lang)}
  <div class="breadcrumbs">
    <a href="{site.base}/">{esc(t['home'])}</a> &rsaquo; <a href="{site.base}/{a.lang}/section-3/">{esc(t['press'])}</a> &rsaquo; <span>{esc(a.section)}</span>
  </div>
  <div class="layout">
  <div class="col-main">
    <div class="press-release">
      <div class="press-release__type">{esc(a.section)}</div>
      <h1 class="pr-title">{esc(a.title)}</h1>
      <div class="pr-info"><span class="pr-date">{visible_date}</span> <span class="pr-docnum">{esc(t['doc'])} № {doc_no}</span> <span class="pr-source">{esc(t['dept'])}</span></div>
      <div class="pr-text">
{paragraphs_html(a)}
      </div>
      <div class="pr-tools">
        <a class="pr-print" href="{a.url}?print=1">{esc(t['print'])}</a>
        <span class="pr-share-label">{esc(t['share'])}:</span>
{share}
      </div>
      <div class="pr-related">
        <div class="pr-related__title">{esc(t['related'])}</div>
        <ul>
{related}
        </ul>
      </div>
    </div>
  </div>
{mid_sidebar(site, a.lang, a)}
  </div>
{mid_footer(site, a.lang)}"""


def mid_listing(site: Site, number: int, items: list[Article], total: int) -> str:
    t = MID_TEXT["ru"]
    rows = []
    for a in items:
        rows.append(
            f'      <li class="news-item news-item--{a.lang}">\n'
            f'        <span class="news-item__date">{a.local:%d.%m.%Y}</span>\n'
            f'        <a class="news-item__link" href="{a.url}">{esc(a.title)}</a>\n'
            f'        <div class="news-item__anons">{esc(a.summary(160))}</div>\n'
            f'      </li>')
    nav = []
    extra = pagination_head(site, number, total)
    if number > 1:
        nav.append(f'<a class="pagination__prev" href="{site.listing_url(number - 1)}">{esc(t["newer"])}</a>')
    nav.append(f'<span class="pagination__current">{number} / {total}</span>')
    if number < total:
        nav.append(f'<a class="pagination__next" href="{site.listing_url(number + 1)}">{esc(t["older"])}</a>')
    rows_html = "\n".join(rows)
    return f"""{mid_head(site, f"{t['press']} - {t['ministry']}", "ru", site.listing_url(number), extra)}
<body class="page-list">
{mid_header(site, "ru")}
  <div class="breadcrumbs"><a href="{site.base}/">{esc(t['home'])}</a> &rsaquo; <span>{esc(t['all_news'])}</span></div>
  <div class="layout">
  <div class="col-main">
    <h1 class="list-title">{esc(t['press'])}: {esc(t['all_news'])}</h1>
    <ul class="news-list">
{rows_html}
    </ul>
    <div class="pagination">{' '.join(nav)}</div>
  </div>
{mid_sidebar(site, "ru", None)}
  </div>
{mid_footer(site, "ru")}"""


# ================================================================ site 2: presidential transcripts

KREMLIN = Site("kremlin-transcripts", "www.kremlin-transcripts.example", moscow_offset, ru_encoding="windows-1251")

KR_TEXT = {
    "ru": dict(office="Администрация Президента", archive="Стенограммы и выступления", events="События",
               menu=["Новости", "Стенограммы", "Поездки", "Документы", "Видео", "Фото"],
               cookie="Мы используем cookie. Подробнее – в Политике конфиденциальности.", accept="Принять",
               breadcrumbs="Президент", also="Смотрите также", latest="Другие стенограммы", share="Поделиться:",
               copy_link="Скопировать ссылку", footer="Демонстрационный архив. Все тексты вымышлены и служат для проверки парсеров.",
               staff="Служебный вход", older="Более ранние материалы", newer="Более поздние материалы",
               text_version="Текстовая версия"),
    "en": dict(office="Presidential Executive Office", archive="Transcripts and speeches", events="Events",
               menu=["News", "Transcripts", "Trips", "Documents", "Video", "Photo"],
               cookie="We use cookies. See the Privacy Policy for details.", accept="Accept",
               breadcrumbs="President", also="See also", latest="More transcripts", share="Share:",
               copy_link="Copy link", footer="A demonstration archive. All texts are fictional and serve to test parsers.",
               staff="Staff entrance", older="Earlier materials", newer="Later materials",
               text_version="Text version"),
}


def kr_visible_date(a: Article) -> str:
    if a.ru:
        return f"{ru_long_date(a.local)}, {a.local:%H:%M}"
    return f"{en_month_day(a.local)}, {a.local:%H:%M}"


def kr_page(site: Site, lang: str, encoding: str, title: str, canonical: str, body: str, head_extra: str = "") -> str:
    t = KR_TEXT[lang]
    menu = "\n".join(
        f'<td class="topnav-cell"><a href="{site.base}/{lang}/{name.lower()}/" class="topnav-link">{esc(name)}</a></td>'
        for name in t["menu"])
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
{meta_charset(encoding)}
<title>{esc(title)}</title>
<link rel="canonical" href="{canonical}">
<link rel="alternate" type="application/rss+xml" href="{site.base}/rss.xml" title="{esc(t['archive'])}">
<link rel="stylesheet" type="text/css" href="{site.base}/static/site.css">
{head_extra}</head>
<body>
<div class="page">
<div class="masthead">
  <a href="{site.base}/" class="masthead__logo">{esc(t['office'])}</a>
  <span class="masthead__sub">{esc(t['archive'])}</span>
</div>
<table class="topnav" cellspacing="0" cellpadding="0"><tr>
{menu}
</tr></table>
{body}
<div class="page-footer">
  <p class="page-footer__links"><a href="{site.base}/rss.xml">RSS</a> | <a href="{site.base}/sitemap.xml">Sitemap</a> | <a href="{site.base}/admin/login">{esc(t['staff'])}</a></p>
  <p class="page-footer__copy">{esc(t['office'])}, 2000–2024. {esc(t['footer'])}</p>
</div>
</div>
<div class="cookies" id="cookies-bar">{esc(t['cookie'])} <a href="#" id="cookies-ok">{esc(t['accept'])}</a></div>
{cookie_script('cookies-bar', 'cookies-ok', 'kr_cookies')}
</body>
</html>
"""


def kr_article(site: Site, a: Article) -> str:
    t = KR_TEXT[a.lang]
    also = "\n".join(f'<div class="read__also-item"><a href="{r.url}">{esc(r.title)}</a> <span class="read__also-date">{kr_visible_date(r)}</span></div>'
                     for r in site.related(a))
    more = "\n".join(f'<li><a href="{r.url}">{esc(r.title)}</a></li>' for r in site.latest(a.lang, 4, a))
    place = f'    <div class="read__place">{esc(a.place)}</div>\n' if a.place else ""
    body = f"""<div class="path"><a href="{site.base}/">{esc(t['breadcrumbs'])}</a> / <a href="{site.base}/{a.lang}/transcripts/">{esc(t['events'])}</a> / {esc(a.section)}</div>
<table class="layout" width="100%"><tr>
<td class="layout__main" valign="top">
<div class="read">
  <div class="read__top">
    <div class="read__meta">{kr_visible_date(a)}</div>
{place}    <h1 class="read__title entry-title">{esc(a.title)}</h1>
    <div class="read__tabs"><span class="read__tab read__tab--active">{esc(t['text_version'])}</span></div>
  </div>
  <div class="read__content">
{paragraphs_html(a, "", "b")}
  </div>
  <div class="read__share">{esc(t['share'])} <a href="{share_url("https://vk.example/share.php?url=", a.url)}">VK</a> <a href="{share_url("https://ok.example/dk?st.shareUrl=", a.url)}">OK</a> <a href="#" class="read__copy">{esc(t['copy_link'])}</a></div>
  <div class="read__also">
    <div class="read__also-title">{esc(t['also'])}</div>
{also}
  </div>
</div>
</td>
<td class="layout__side" valign="top" width="240">
<div class="side-box"><div class="side-box__head">{esc(t['latest'])}</div><ul>
{more}
</ul></div>
</td>
</tr></table>"""
    return kr_page(site, a.lang, a.encoding, f"{a.title} • {t['office']}", a.url, body)


def kr_listing(site: Site, number: int, items: list[Article], total: int) -> str:
    t = KR_TEXT["en"]
    rows = "\n".join(
        f'<div class="event">\n  <div class="event__date">{kr_visible_date(a)}</div>\n'
        f'  <a class="event__title" href="{a.url}">{esc(a.title)}</a>\n</div>' for a in items)
    links, head = [], pagination_head(site, number, total)
    if number > 1:
        links.append(f'<a rel="prev" href="{site.listing_url(number - 1)}">← {esc(t["newer"])}</a>')
    if number < total:
        links.append(f'<a rel="next" href="{site.listing_url(number + 1)}">{esc(t["older"])} →</a>')
    body = f"""<div class="path"><a href="{site.base}/">{esc(t['breadcrumbs'])}</a> / {esc(t['events'])}</div>
<div class="events-feed">
<h1 class="events-feed__title">{esc(t['archive'])} / Стенограммы</h1>
{rows}
</div>
<div class="pages">{' | '.join(links)}</div>"""
    return kr_page(site, "en", "utf-8", f"{t['archive']} • {t['office']} • {number}", site.listing_url(number), body, head)


# ================================================================ site 3: news agency

NEWSWIRE = Site("newswire-agency", "www.newswire-agency.example", utc_offset)

NW_TEXT = {
    "ru": dict(agency="Агентство Ньюсвайр", tagline="Новости каждую минуту",
               menu=["Главное", "Политика", "Экономика", "В мире", "Технологии", "Происшествия", "Культура"],
               cookie="Продолжая использовать сайт, вы соглашаетесь на обработку файлов cookie.", accept="ОК",
               live="Лента новостей", read_more="Читайте также", popular="Самое читаемое", share="Поделиться",
               footer="Учебный сайт. Все сообщения вымышлены. Перепечатка не имеет смысла.",
               staff="Редакция: вход", ads="Реклама", older="Показать ещё", tz="МСК", by="Автор",
               subscribe="Подпишитесь на наш канал", updated="Обновлено"),
    "en": dict(agency="Newswire Agency", tagline="News every minute",
               menu=["Top stories", "Politics", "Business", "World", "Technology", "Incidents", "Culture"],
               cookie="By continuing to use this site you consent to the use of cookies.", accept="OK",
               live="Newsfeed", read_more="Read more", popular="Most read", share="Share",
               footer="A training site. All reports are fictional.",
               staff="Newsroom login", ads="Advertisement", older="Load more", tz="GMT", by="By",
               subscribe="Subscribe to our channel", updated="Updated"),
}


def nw_visible(a: Article, moment: dt.datetime | None = None) -> str:
    moment = moment or a.published
    if a.ru:
        return f"{to_moscow(moment):%d.%m.%Y %H:%M}"
    utc = moment.astimezone(dt.timezone.utc)
    return f"{utc.day} {EN_MONTHS_SHORT[utc.month - 1]} {utc.year}, {utc:%H:%M} GMT"


def nw_shell(site: Site, lang: str, title: str, canonical: str, head_extra: str, body_class: str, main: str) -> str:
    t = NW_TEXT[lang]
    menu = "\n".join(f'      <li><a href="{site.base}/{lang}/{i}/">{esc(m)}</a></li>' for i, m in enumerate(t["menu"]))
    popular = "\n".join(f'        <li><a href="{a.url}">{esc(a.title)}</a></li>' for a in site.latest(lang, 5))
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="canonical" href="{canonical}">
<link rel="alternate" type="application/atom+xml" href="{site.base}/atom.xml" title="{esc(t['live'])}">
<link rel="stylesheet" href="{site.base}/static/site.css">
{head_extra}<script>window.nwMetrics = window.nwMetrics || []; window.nwMetrics.push({{page: location.pathname}});</script>
</head>
<body class="{body_class}">
<header class="site-header">
  <div class="site-header__brand"><a href="{site.base}/">{esc(t['agency'])}</a> <small>{esc(t['tagline'])}</small></div>
  <nav class="site-nav" aria-label="sections">
    <ul>
{menu}
    </ul>
  </nav>
</header>
<div class="ad-slot ad-slot--top">{esc(t['ads'])}</div>
<div class="grid">
{main}
  <aside class="rail">
    <section class="rail__popular">
      <h2>{esc(t['popular'])}</h2>
      <ol>
{popular}
      </ol>
    </section>
    <div class="rail__promo"><a href="{site.base}/subscribe/">{esc(t['subscribe'])}</a></div>
    <div class="ad-slot ad-slot--rail">{esc(t['ads'])}</div>
  </aside>
</div>
<footer class="site-footer">
  <p><a href="{site.base}/atom.xml">Atom</a> · <a href="{site.base}/sitemap.xml">Sitemap</a> · <a href="{site.base}/admin/">{esc(t['staff'])}</a></p>
  <p>© {esc(t['agency'])} 2009–2024. {esc(t['footer'])}</p>
</footer>
<div class="consent" id="consent"><p>{esc(t['cookie'])}</p><button id="consent-ok">{esc(t['accept'])}</button></div>
{cookie_script('consent', 'consent-ok', 'nw_consent')}
</body>
</html>
"""


def nw_article(site: Site, a: Article) -> str:
    t = NW_TEXT[a.lang]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": iso(a.published),
        "dateModified": iso(a.modified or a.published),
        "inLanguage": a.lang,
        "mainEntityOfPage": a.url,
        "publisher": {"@type": "Organization", "name": t["agency"],
                      "logo": {"@type": "ImageObject", "url": f"{site.base}/static/logo.png"}},
    }
    if a.author:
        ld["author"] = {"@type": "Person", "name": a.author}
    head = ('<script type="application/ld+json">\n' + json.dumps(ld, ensure_ascii=False, indent=1) + "\n</script>\n"
            f'<meta name="description" content="{esc(a.summary())}">\n')
    byline = f'      <div class="story-byline">{esc(t["by"])} <span class="story-byline__name">{esc(a.author)}</span></div>\n' if a.author else ""
    place = f'<span class="dateline">{esc(a.place)}, </span>' if a.place else ""
    paras = a.plain_paragraphs()
    first = f'<p>{place}{esc(paras[0])}</p>'
    rest = "\n".join(f"<p>{esc(p)}</p>" for p in paras[1:])
    updated = ""
    if a.modified:
        updated = f' <span class="story-meta__updated">({esc(t["updated"])}: {nw_visible(a, a.modified)})</span>'
    tz = f" {t['tz']}" if a.ru else ""
    reads = "\n".join(f'        <li><a href="{r.url}">{esc(r.title)}</a> <span>{nw_visible(r)}{" " + t["tz"] if r.ru else ""}</span></li>' for r in site.related(a))
    crumbs = (f'    <ol class="breadcrumb" itemscope itemtype="https://schema.org/BreadcrumbList">'
              f'<li itemprop="itemListElement"><a href="{site.base}/">{esc(t["menu"][0])}</a></li>'
              f'<li itemprop="itemListElement">{esc(a.section)}</li></ol>')
    main = f"""  <main class="story-wrap">
{crumbs}
    <article class="story">
      <div class="story-kicker">{esc(a.section)}</div>
      <h1 class="story-headline">{esc(a.title)}</h1>
      <div class="story-meta"><span class="story-meta__time">{nw_visible(a)}{tz}</span>{updated}</div>
{byline}      <div class="story-share"><span>{esc(t['share'])}</span> <a href="{share_url("https://t.example/share/url?url=", a.url)}">Telegram</a> <a href="{share_url("https://x.example/intent/post?url=", a.url)}">X</a> <a href="mailto:?subject={esc(a.title)}">Email</a></div>
      <div class="story-body">
{first}
{rest}
      </div><!-- /story-body -->
      <div class="story-tail">© {esc(t['agency'])}</div>
    </article>
    <section class="read-more">
      <h2>{esc(t['read_more'])}</h2>
      <ul>
{reads}
      </ul>
    </section>
  </main>"""
    return apply_quirks(a, nw_shell(site, a.lang, f"{a.title} | {t['agency']}", a.url, head, f"story-page lang-{a.lang}", main))


def nw_listing(site: Site, number: int, items: list[Article], total: int) -> str:
    t = NW_TEXT["en"]
    rows = "\n".join(
        f'      <article class="story-card" lang="{a.lang}">\n'
        f'        <h3 class="story-card__title"><a href="{a.url}">{esc(a.title)}</a></h3>\n'
        f'        <p class="story-card__meta">{nw_visible(a)}{" " + NW_TEXT["ru"]["tz"] if a.ru else ""}</p>\n'
        f'      </article>' for a in items)
    head, pager = pagination_head(site, number, total), []
    if number > 1:
        pager.append(f'<a class="prev" href="{site.listing_url(number - 1)}">Newer</a>')
    if number < total:
        pager.append(f'<a class="next" href="{site.listing_url(number + 1)}">{esc(t["older"])}</a>')
    main = f"""  <main class="wire">
    <h1 class="wire__title">{esc(t['live'])}</h1>
    <section class="wire-list">
{rows}
    </section>
    <nav class="pager">{' '.join(pager)}</nav>
  </main>"""
    return nw_shell(site, "en", f"{t['live']} | {t['agency']}", site.listing_url(number), head, "wire-page", main)


# ================================================================ site 4: think tank

POLICY = Site("policy-institute", "www.policy-institute.example", london_offset)

PI_TEXT = {
    "ru": dict(inst="Институт политического анализа", nav=["Исследования", "Комментарии", "Эксперты", "Мероприятия", "О нас"],
               cookie="Мы используем файлы cookie, чтобы сайт работал лучше.", accept="Согласен", decline="Настроить",
               analysis="Аналитика", home="Главная", comments="Комментарии", reply="Ответить",
               no_comments="Комментариев пока нет. Будьте первым.", leave="Оставить комментарий", name="Имя", send="Отправить",
               related="Ещё по теме", share="Поделиться", newsletter="Еженедельная рассылка института",
               footer="Учебный сайт. Авторы и тексты вымышлены.", staff="Вход для авторов",
               reading="мин чтения", about_author="Об авторе", older="Ранее", newer="Позже", email="Ваш e-mail"),
    "en": dict(inst="Institute for Policy Analysis", nav=["Research", "Commentary", "Experts", "Events", "About"],
               cookie="We use cookies to make this site work better.", accept="I agree", decline="Settings",
               analysis="Analysis", home="Home", comments="Comments", reply="Reply",
               no_comments="No comments yet. Be the first.", leave="Leave a comment", name="Name", send="Post",
               related="More on this", share="Share", newsletter="The institute's weekly newsletter",
               footer="A training site. Authors and texts are fictional.", staff="Author login",
               reading="min read", about_author="About the author", older="Older posts", newer="Newer posts", email="Your e-mail"),
}


def pi_date(a: Article) -> str:
    if a.ru:
        return f"{a.local.day} {RU_MONTHS_GEN[a.local.month - 1]} {a.local.year} г."
    return en_month_day(a.local)


def pi_shell(site: Site, lang: str, title: str, canonical: str, head_extra: str, content: str, rel_root: str) -> str:
    t = PI_TEXT[lang]
    nav = "\n".join(f'        <a class="menu-link" href="{rel_root}{path}/">{esc(n)}</a>' for n, path in zip(t["nav"], PI_MENU_PATHS))
    return f"""<!DOCTYPE html>
<html lang="{lang}" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<link rel="canonical" href="{canonical}">
<link rel="alternate" type="application/rss+xml" href="{site.base}/feed.xml">
<link rel="stylesheet" href="{rel_root}static/site.css">
{head_extra}</head>
<body>
<div class="gdpr" id="gdpr-box" role="dialog">
  <p>{esc(t['cookie'])}</p>
  <button id="gdpr-yes">{esc(t['accept'])}</button> <button class="gdpr__settings">{esc(t['decline'])}</button>
</div>
<div class="container">
  <header class="top">
    <div class="top__logo"><a href="{rel_root}index.html">{esc(t['inst'])}</a></div>
    <nav class="top__menu">
      <div class="menu-row">
{nav}
      </div>
    </nav>
  </header>
{content}
  <footer class="bottom">
    <div class="bottom__newsletter"><span>{esc(t['newsletter'])}</span> <input type="email" placeholder="{esc(t['email'])}"></div>
    <div class="bottom__links"><a href="{site.base}/feed.xml">RSS</a> <a href="{site.base}/sitemap.xml">Sitemap</a> <a href="{site.base}/admin/">{esc(t['staff'])}</a></div>
    <div class="bottom__legal">© 2012–2024 {esc(t['inst'])}. {esc(t['footer'])}</div>
  </footer>
</div>
{cookie_script('gdpr-box', 'gdpr-yes', 'pi_gdpr')}
</body>
</html>
"""


TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
PI_MENU_PATHS = ["research", "commentary", "experts", "events", "about"]


def slugify_ascii(text: str) -> str:
    latin = "".join(TRANSLIT.get(c, c) for c in text.lower())
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in latin).split())


def pi_comments(a: Article) -> str:
    t = PI_TEXT[a.lang]
    if not a.comments:
        body = f'      <p class="comments__empty">{esc(t["no_comments"])}</p>'
    else:
        items = []
        for i, (name, when, text) in enumerate(a.comments):
            moment = dt.datetime.fromisoformat(when)
            shown = f"{moment:%d.%m.%Y %H:%M}"
            items.append(
                f'      <div class="comment" id="comment-{i + 1}">\n'
                f'        <div class="comment__head"><span class="comment__author">{esc(name)}</span> <span class="comment__date">{shown}</span></div>\n'
                f'        <div class="comment__body"><p>{esc(text)}</p></div>\n'
                f'        <a class="comment__reply" href="#respond">{esc(t["reply"])}</a>\n'
                f'      </div>')
        body = "\n".join(items)
    return f"""    <section class="comments" id="comments">
      <h3 class="comments__title">{esc(t['comments'])} ({len(a.comments)})</h3>
{body}
      <form class="comments__form" id="respond" action="#" method="post">
        <label>{esc(t['name'])} <input type="text" name="author"></label>
        <textarea name="comment" placeholder="{esc(t['leave'])}"></textarea>
        <button type="submit">{esc(t['send'])}</button>
      </form>
    </section>"""


def pi_article(site: Site, a: Article) -> str:
    t = PI_TEXT[a.lang]
    rel_root = "../../../"
    words = sum(len(p.split()) for p in a.plain_paragraphs())
    head = (f'<meta name="author" content="{esc(a.author or "")}">\n'
            f'<meta name="description" content="{esc(a.summary())}">\n'
            f'<meta property="og:title" content="{esc(a.title)}">\n'
            f'<meta property="og:type" content="article">\n'
            f'<meta property="og:url" content="{a.url}">\n')
    related = "\n".join(
        f'        <li class="related__item"><a href="{r.slug}.html">{esc(r.title)}</a></li>'
        if r.path.rsplit("/", 1)[0] == a.path.rsplit("/", 1)[0]
        else f'        <li class="related__item"><a href="{rel_root}{r.path}">{esc(r.title)}</a></li>'
        for r in site.related(a))
    bio = f'      <div class="author-box"><h4>{esc(t["about_author"])}</h4><p>{esc(a.author_bio)}</p></div>\n' if a.author_bio else ""
    paras = "\n".join(f"        <p>{esc(p)}</p>" for p in a.plain_paragraphs())
    content = f"""  <div class="crumbs"><a href="{rel_root}index.html">{esc(t['home'])}</a> » <a href="{rel_root}index.html">{esc(t['analysis'])}</a> » {esc(a.section)}</div>
  <div class="main-wrap">
    <article class="entry">
      <header class="entry__header">
        <span class="entry__cat">{esc(a.section)}</span>
        <h1 class="entry__title">{esc(a.title)}</h1>
        <div class="entry__byline">
          <span class="entry__author"><a href="{rel_root}experts/{slugify_ascii(a.author or '')}.html">{esc(a.author or '')}</a></span>
          <span class="entry__sep">·</span>
          <time class="entry__date" datetime="{a.local:%Y-%m-%d}">{pi_date(a)}</time>
          <span class="entry__sep">·</span>
          <span class="entry__reading">{-(-words // 180)} {esc(t['reading'])}</span>
        </div>
      </header>
      <div class="entry__share"><a href="{share_url("https://www.linkedin.example/sharing?url=", a.url)}">LinkedIn</a> <a href="{share_url("https://x.example/intent/post?url=", a.url)}">X</a> <a href="{share_url("https://t.example/share/url?url=", a.url)}">Telegram</a></div>
      <div class="entry__content">
{paras}
      </div>
{bio}    </article>
    <aside class="related">
      <h3>{esc(t['related'])}</h3>
      <ul>
{related}
      </ul>
    </aside>
{pi_comments(a)}
  </div>"""
    return pi_shell(site, a.lang, f"{a.title} — {t['inst']}", a.url, head, content, rel_root)


def pi_listing(site: Site, number: int, items: list[Article], total: int) -> str:
    t = PI_TEXT["en"]
    rel_root = "" if number == 1 else "../../"
    cards = "\n".join(
        f'    <div class="post-card" lang="{a.lang}">\n'
        f'      <h2 class="post-card__title"><a href="{rel_root}{a.path}">{esc(a.title)}</a></h2>\n'
        f'      <div class="post-card__meta">{esc(a.author or "")} — {pi_date(a)}</div>\n'
        f'      <p class="post-card__excerpt">{esc(a.summary(180))}</p>\n'
        f'    </div>' for a in items)
    head, links = pagination_head(site, number, total), []
    if number > 1:
        prev = "index.html" if number == 2 else f"page/{number - 1}/index.html"
        links.append(f'<a class="prev-page" href="{rel_root}{prev}">{esc(t["newer"])}</a>')
    if number < total:
        links.append(f'<a class="next-page" href="{rel_root}page/{number + 1}/index.html">{esc(t["older"])}</a>')
    content = f"""  <div class="archive">
    <h1 class="archive__title">{esc(t['analysis'])}</h1>
{cards}
    <div class="archive__nav">{' '.join(links)}</div>
  </div>"""
    return pi_shell(site, "en", f"{t['analysis']} — {t['inst']}", site.listing_url(number), head, content, rel_root)


# ================================================================ feeds, sitemaps, robots

def rss(site: Site, title: str, description: str, items: list[Article], with_creator: bool) -> str:
    ns = ' xmlns:dc="http://purl.org/dc/elements/1.1/"' if with_creator else ""
    entries = []
    for a in items:
        creator = f"\n      <dc:creator>{esc(a.author)}</dc:creator>" if with_creator and a.author else ""
        entries.append(f"""    <item>
      <title>{esc(a.title)}</title>
      <link>{a.url}</link>
      <guid isPermaLink="true">{a.url}</guid>
      <pubDate>{rfc822(a.published)}</pubDate>{creator}
      <description>{esc(a.summary())}</description>
    </item>""")
    newest = items[0].published if items else None
    build = f"\n    <lastBuildDate>{rfc822(newest)}</lastBuildDate>" if newest else ""
    body = "\n".join(entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"{ns}>
  <channel>
    <title>{esc(title)}</title>
    <link>{site.base}/</link>
    <description>{esc(description)}</description>{build}
{body}
  </channel>
</rss>
"""


def atom(site: Site, title: str, items: list[Article]) -> str:
    entries = []
    for a in items:
        author = f"\n    <author><name>{esc(a.author)}</name></author>" if a.author else ""
        entries.append(f"""  <entry>
    <title>{esc(a.title)}</title>
    <link rel="alternate" type="text/html" href="{a.url}"/>
    <id>{a.url}</id>
    <published>{iso(a.published)}</published>
    <updated>{iso(a.modified or a.published)}</updated>{author}
    <summary>{esc(a.summary())}</summary>
  </entry>""")
    updated = iso(items[0].published) if items else "2024-01-01T00:00:00Z"
    body = "\n".join(entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{esc(title)}</title>
  <link rel="self" href="{site.base}/atom.xml"/>
  <link rel="alternate" href="{site.base}/"/>
  <id>{site.base}/</id>
  <updated>{updated}</updated>
{body}
</feed>
"""


def urlset(entries: list[tuple[str, str]]) -> str:
    rows = "\n".join(f"  <url>\n    <loc>{loc}</loc>\n    <lastmod>{lastmod}</lastmod>\n  </url>" for loc, lastmod in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{rows}
</urlset>
"""


def sitemap_index(site: Site, children: list[tuple[str, str]]) -> str:
    rows = "\n".join(f"  <sitemap>\n    <loc>{site.base}/{name}</loc>\n    <lastmod>{lastmod}</lastmod>\n  </sitemap>" for name, lastmod in children)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{rows}
</sitemapindex>
"""


def robots(site: Site, delay: int, disallow: list[str], sitemap: str) -> str:
    lines = ["# robots.txt for " + site.domain, "User-agent: *", f"Crawl-delay: {delay}"]
    lines += [f"Disallow: {d}" for d in disallow]
    lines += ["", "User-agent: GreedyScraperBot", "Disallow: /", "", f"Sitemap: {site.base}/{sitemap}", ""]
    return "\n".join(lines)


STYLES = {
    "mid-press": "body{font-family:Georgia,serif;margin:0}.header-top{background:#0b2e59;color:#fff;padding:8px}"
                 ".main-menu{list-style:none;display:flex;gap:16px}.layout{display:flex}.col-main{flex:3}"
                 ".col-side{flex:1;border-left:1px solid #ddd}.cookie-notice{position:fixed;bottom:0;background:#eee}\n",
    "kremlin-transcripts": "body{font:13px Verdana,sans-serif}.masthead{background:#7a1f1f;color:#fff}"
                           ".read__meta{color:#777}.cookies{position:fixed;bottom:0;width:100%;background:#ffe}\n",
    "newswire-agency": "body{font-family:Arial,sans-serif}.grid{display:grid;grid-template-columns:3fr 1fr}"
                       ".story-kicker{text-transform:uppercase;color:#c00}.consent{position:fixed;bottom:0}\n",
    "policy-institute": "body{font-family:'Helvetica Neue',sans-serif;color:#222}.container{max-width:960px;margin:auto}"
                        ".entry__byline{color:#666}.gdpr{position:fixed;bottom:0;background:#fafafa}\n",
}


def admin_page(site: Site) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Staff login</title><meta name="robots" content="noindex"></head>
<body><form method="post" action="{site.base}/admin/login"><input name="user"><input name="password" type="password"><button>Log in</button></form></body></html>
"""


# ================================================================ build

SITES = {s.id: s for s in (MID, KREMLIN, NEWSWIRE, POLICY)}
RENDER = {"mid-press": (mid_article, mid_listing), "kremlin-transcripts": (kr_article, kr_listing),
          "newswire-agency": (nw_article, nw_listing), "policy-institute": (pi_article, pi_listing)}


def lastmod(a: Article) -> str:
    return iso(a.modified or a.published)


def build_site(site: Site) -> None:
    out = SITE_ROOT / site.id
    if out.exists():
        shutil.rmtree(out)
    render_article, render_listing = RENDER[site.id]
    for a in site.articles:
        write_text(out / a.path, render_article(site, a), a.encoding, bom="utf8-bom" in a.quirks)
    pages = site.pages()
    for i, items in enumerate(pages, start=1):
        write_text(out / site.listing_path(i), render_listing(site, i, items, len(pages)))
    write_text(out / "static" / "site.css", STYLES[site.id])
    write_text(out / "admin" / "index.html", admin_page(site))

    newest = site.newest_first()
    listing_entries = [(site.listing_url(i), lastmod(p[0])) for i, p in enumerate(pages, start=1)]
    article_entries = [(a.url, lastmod(a)) for a in newest]
    if site is MID:
        write_text(out / "rss.xml", rss(site, "МИД: пресс-релизы / MFA press releases",
                                        "Пресс-релизы и комментарии / Press releases and comments", newest[:FEED_SIZE], False))
        write_text(out / "sitemap.xml", urlset(listing_entries + article_entries))
        write_text(out / "robots.txt", robots(site, 1, ["/admin/", "/search"], "sitemap.xml"))
    elif site is KREMLIN:
        write_text(out / "rss.xml", rss(site, "Стенограммы / Transcripts", "Стенограммы встреч и выступлений", newest[:FEED_SIZE], False))
        write_text(out / "sitemap.xml", urlset(listing_entries + article_entries))
        write_text(out / "robots.txt", robots(site, 1, ["/admin/", "/*?print="], "sitemap.xml"))
    elif site is NEWSWIRE:
        write_text(out / "atom.xml", atom(site, "Newswire Agency", newest[:FEED_SIZE]))
        write_bytes(out / "sitemap-articles.xml.gz", gzip.compress(urlset(article_entries).encode("utf-8"), mtime=0))
        write_text(out / "sitemap-pages.xml", urlset(listing_entries))
        write_text(out / "sitemap.xml", sitemap_index(site, [("sitemap-articles.xml.gz", lastmod(newest[0])),
                                                             ("sitemap-pages.xml", lastmod(newest[0]))]))
        write_text(out / "robots.txt", robots(site, 1, ["/admin/", "/search/"], "sitemap.xml"))
    else:
        write_text(out / "feed.xml", rss(site, "Institute for Policy Analysis", "Analysis and commentary", newest, True))
        write_text(out / "sitemap.xml", urlset(listing_entries + article_entries))
        write_text(out / "robots.txt", robots(site, 1, ["/admin/", "/wp-login.php"], "sitemap.xml"))


DATE_SOURCE = {"mid-press": "meta article:published_time (+ visible date)", "kremlin-transcripts": "visible text only",
               "newswire-agency": "JSON-LD NewsArticle datePublished (+ visible date)",
               "policy-institute": "<time datetime> (date only)"}


def manifest_line(site: Site, a: Article) -> str:
    """Expected extraction results for one page, for ingestion tests (no labels: those are not ours to hint)."""
    record = {
        "site": site.id, "path": f"{site.id}/{a.path}", "url": a.url, "lang": a.lang, "encoding": a.encoding,
        "title": a.title, "author": a.author, "published": iso(a.published),
        "published_date": a.local.strftime("%Y-%m-%d"), "date_source": DATE_SOURCE[site.id],
        "paragraphs": len(a.paragraphs), "words": sum(len(p.split()) for p in a.plain_paragraphs()),
        "first_paragraph": a.plain_paragraphs()[0], "quirks": a.quirks, "comments": len(a.comments),
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def main() -> None:
    load_articles(SITES)
    lines = []
    for site in SITES.values():
        if site.articles:
            build_site(site)
            lines += [manifest_line(site, a) for a in site.newest_first()[::-1]]
            print(f"{site.id}: {len(site.articles)} articles")
    write_text(SITE_ROOT / "manifest.jsonl", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
