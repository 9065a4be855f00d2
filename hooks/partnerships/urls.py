"""Web addresses, read the way a browser reads them: the host a page shows next to a source
link is the host a click opens. Pure functions; models.py applies them to every source.

The grammar is deliberately narrower than what browsers accept, so that browsers, Python
and Markdown can only read an accepted address one way: https:// or http://, a public host
name (IDNA, one script per label), an optional port, then the path. No user information
(`https://nato.int@evil.example/` opens evil.example), no backslash (browsers read it as
`/`), no spaces, control or invisible characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import idna

from .problems import char_name, shown

MAX_URL_CHARS = 2000
LABEL_CHARS = 70

# RFC 3986 characters, less the quote and brackets: a quote could end an HTML attribute or
# start a Markdown link title, and brackets only serve IP-literal hosts, which are refused.
_ASCII_ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&()*+,;=%")
_ALL_ALLOWED = re.compile("[" + re.escape("".join(sorted(_ASCII_ALLOWED))) + "]*")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_PORT = re.compile(r"[0-9]{1,5}")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_AUTHORITY_AND_PATH = re.compile(r"([^/?#]*)([^?#]*)")
# ASCII labels of letters, digits and inner hyphens, at most 63 characters each.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
# Letters of other scripts that read as Latin ones. A label written only with them imitates a
# Latin name ("аррӏе" is Cyrillic). The Cyrillic list is Chromium's IDN spoof checker's.
_LATIN_LOOK_ALIKES = {
    "CYRILLIC": set("асԁеһіјӏорԗԛѕԝхуъьҽпгѵѡ"),
    "GREEK": set("αβεικνορτυχ"),
}
# Scripts that are written together: Japanese, Chinese with Bopomofo, Korean. Latin may join them.
_COMBINED_SCRIPTS = ({"HAN", "HIRAGANA", "KATAKANA", "LATIN"}, {"HAN", "BOPOMOFO", "LATIN"}, {"HAN", "HANGUL", "LATIN"})


@dataclass(frozen=True)
class WebAddress:
    """An accepted address and the parts a browser will use."""

    url: str
    scheme: str
    host: str  # what the browser connects to: lower case, IDNA (xn--) form
    display_host: str  # the same host in Unicode, for people
    port: int | None
    path: str  # without query or fragment

    @property
    def label(self) -> str:
        """What a reader sees for this source: host and path, `www.` dropped, cut to 70 characters."""
        label = self.display_host.removeprefix("www.") + self.path.rstrip("/")
        return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 3] + "…"


@functools.lru_cache(maxsize=65536)  # pure; each address is checked, then shown on many pages
def parse_web_address(url: str) -> WebAddress:
    """Check `url` and split it; ValueError says what is wrong, in words an editor can act on."""
    if len(url) > MAX_URL_CHARS:
        raise ValueError(f"{shown(url)} is too long for a web address; it must stay under {MAX_URL_CHARS:,} characters")
    _check_characters(url)
    scheme_match = _SCHEME.match(url)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if scheme not in ("http", "https"):
        raise ValueError(f"{shown(url)} is not a web address; only http:// and https:// links are allowed")
    rest = url[scheme_match.end() :] if scheme_match else url
    if not rest.startswith("//") or rest.startswith("///"):
        raise ValueError(f"{shown(url)} must start with {scheme}:// and the host name")
    authority, path = _split_authority(rest[2:])
    if "@" in authority:
        raise ValueError(
            f"{shown(url)} holds user information before '@', which hides the host a browser opens; remove it"
        )
    host, port = _host_and_port(authority, url)
    ascii_host, display_host = _check_host(host, url)
    return WebAddress(url=url, scheme=scheme, host=ascii_host, display_host=display_host, port=port, path=path)


def _check_characters(url: str) -> None:
    if not _ALL_ALLOWED.fullmatch(url):  # one pass in C clears nearly every source
        _refuse_first_odd_character(url)
    if _PERCENT.search(url):
        raise ValueError(f"{shown(url)} holds a '%' that is not followed by two hexadecimal digits; write it as %25")


def _refuse_first_odd_character(url: str) -> None:
    for position, char in enumerate(url):
        if char in _ASCII_ALLOWED:
            continue
        where = f"at character {position + 1}"
        if char == "\\":
            raise ValueError(
                f"{shown(url)} holds a backslash {where}; browsers read it as '/' and may open another host"
            )
        if char == " ":
            raise ValueError(f"{shown(url)} holds a space {where}; percent-encode it as %20")
        if unicodedata.category(char)[0] in "CZ":  # controls, invisible format characters, separators
            raise ValueError(f"{shown(url)} holds {char_name(char)} {where}; remove it")
        if char.isascii():  # quotes, <, >, backtick, braces, brackets, |, ^
            raise ValueError(f"{shown(url)} holds {char_name(char)} {where}; percent-encode it")


def _split_authority(after_slashes: str) -> tuple[str, str]:
    authority, path = _AUTHORITY_AND_PATH.match(after_slashes).groups()  # type: ignore[union-attr]
    return authority, path


def _host_and_port(authority: str, url: str) -> tuple[str, int | None]:
    host, colon, port_text = authority.partition(":")
    if not colon:
        return host, None
    if not port_text:
        raise ValueError(f"{shown(url)} has ':' after the host but no port; remove the ':'")
    if not _PORT.fullmatch(port_text) or not 0 < int(port_text) <= 65535:
        raise ValueError(f"{shown(url)} has the port {shown(port_text)}; a port is a number from 1 to 65535")
    return host, int(port_text)


def _check_host(host: str, url: str) -> tuple[str, str]:
    if not host:
        raise ValueError(f"{shown(url)} has no host name")
    if "%" in host or host.endswith("."):
        raise ValueError(f"{shown(url)} has an unusual host name {shown(host)}; write it plainly, e.g. www.nato.int")
    if _PLAIN_HOST.fullmatch(host) and "xn--" not in host.lower():
        # Letters, digits and inner hyphens: UTS 46 leaves such a host as it is but for its
        # case, and it is the host of almost every source; the idna package costs far more.
        ascii_host = display_host = host.lower()
        if len(ascii_host) > 253:
            raise ValueError(f"{shown(url)} has a host name over 253 characters, which no domain has")
    else:
        ascii_host, display_host = _idna_host(host, url)
    labels = ascii_host.split(".")
    if len(labels) < 2:
        raise ValueError(f"{shown(url)} has no dot in its host name; cite a public web address")
    if not (labels[-1].isalpha() or labels[-1].startswith("xn--")):
        raise ValueError(f"{shown(url)} names a host by its IP address or an unknown top-level domain; use its name")
    for label in display_host.split("."):
        _check_script(label, display_host, url)
    return ascii_host, display_host


def _idna_host(host: str, url: str) -> tuple[str, str]:
    try:
        # UTS 46 processing, as browsers do: case folding, width mapping, then IDNA 2008 rules.
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
        return ascii_host, idna.decode(ascii_host)
    except (idna.IDNAError, UnicodeError) as error:
        raise ValueError(
            f"{shown(url)} has the host name {shown(host)}, which is not a valid domain name ({error})"
        ) from None


def _check_script(label: str, display_host: str, url: str) -> None:
    if label.isascii():
        return
    scripts = {_script(c) for c in label if c.isalpha()}
    if len(scripts) > 1 and not any(scripts <= allowed for allowed in _COMBINED_SCRIPTS):
        names = " and ".join(sorted(s.title() for s in scripts))
        raise ValueError(
            f"{shown(url)} has the host {shown(display_host)}, which mixes {names} letters, "
            "a way to imitate another site's name; cite the site's own address"
        )
    script = next(iter(scripts)) if len(scripts) == 1 else ""
    look_alikes = _LATIN_LOOK_ALIKES.get(script)
    if look_alikes and all(c in look_alikes or not c.isalpha() for c in label):
        raise ValueError(
            f"{shown(url)} has the host {shown(display_host)}, written in {script.title()} letters that look "
            "like Latin ones, a way to imitate another site's name; cite the site's own address"
        )


def _script(char: str) -> str:
    # unicodedata has no script property; a letter's name starts with its script's name.
    name = unicodedata.name(char, "UNKNOWN")
    return "HAN" if name.startswith("CJK") else name.split(" ", 1)[0]
