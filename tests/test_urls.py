"""urls.py: a source address is accepted only if browsers, Python and Markdown read it one way,
and its label names the host a click opens."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from partnerships.urls import parse_web_address
from support import ROOT


@pytest.mark.parametrize(
    ("url", "host", "label"),
    [
        (
            "https://www.nato.int/cps/en/natohq/topics_82584.htm",
            "www.nato.int",
            "nato.int/cps/en/natohq/topics_82584.htm",
        ),
        ("http://example.org/a/?q=1#f", "example.org", "example.org/a"),
        ("https://WWW.NATO.INT/A", "www.nato.int", "nato.int/A"),
        ("https://ｗｗｗ.nato.int/", "www.nato.int", "nato.int"),  # browsers map full-width letters
        ("https://münchen.de/x", "xn--mnchen-3ya.de", "münchen.de/x"),
        ("https://東京.jp/", "xn--1lqs71d.jp", "東京.jp"),
        ("https://www.nato.int:443/a", "www.nato.int", "nato.int/a"),
        ("https://en.wikipedia.org/wiki/Malta_(island)", "en.wikipedia.org", "en.wikipedia.org/wiki/Malta_(island)"),
    ],
)
def test_accepted_addresses_give_the_host_a_browser_opens(url, host, label):
    address = parse_web_address(url)

    assert (address.host, address.label) == (host, label)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "is not a web address"),
        ("https:evil.example", "must start with https:// and the host name"),
        ("https:///evil.example", "must start with https:// and the host name"),
        ("https://www.nato.int@evil.example/", "holds user information"),
        ("https://evil.example\\@www.nato.int/", "holds a backslash"),
        ("https://www.nаto.int/", "mixes Cyrillic and Latin letters"),
        ("https://xn--80ak6aa92e.com/", "written in Cyrillic letters that look like Latin ones"),
        ("https://www.na\u200bto.int/", "holds U+200B (zero width space)"),
        ("https://www.nato.int/\x1b[2J", "holds U+001B (escape)"),
        ("https://www.nato.int/a b", "holds a space"),
        ('https://www.nato.int/"x', "holds U+0022 (quotation mark)"),
        ("https://www.nato.int:0/", "a port is a number from 1 to 65535"),
        ("https://www.nato.int:65536/", "a port is a number from 1 to 65535"),
        ("https://www.nato.int:/", "no port"),
        ("https://localhost/", "no dot in its host name"),
        ("https://10.0.0.1/", "IP address"),
        ("https://www.nato.int./", "unusual host name"),
        ("https://a_b.example/", "not a valid domain name"),
        ("https://www.nato.int/100%", "not followed by two hexadecimal digits"),
        ("https://x.org/" + "a" * 2000, "too long"),
    ],
)
def test_addresses_that_could_show_one_host_and_open_another_are_refused(url, reason):
    with pytest.raises(ValueError, match=re.escape(reason)):
        parse_web_address(url)


def test_python_reads_every_real_source_as_the_parser_does():
    urls = {
        url for file in (ROOT / "data").rglob("*.yaml") for url in re.findall(r"https?://[^\s\"'\]]+", file.read_text())
    }

    assert len(urls) > 50
    for url in urls:
        address, parts = parse_web_address(url), urlsplit(url)
        assert (address.scheme, address.host, address.path) == (parts.scheme, parts.hostname, parts.path), url
