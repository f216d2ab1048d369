"""Helpers for tests of Markdown sinks: is a string that Streamlit renders as Markdown plain text (no link, image,
HTML or autolink), and what does a visitor read from it."""
from __future__ import annotations

import re

# GitHub-flavoured Markdown's literal autolinks, as the renderer finds them in text *after* escapes are resolved
# (mdast-util-gfm-autolink-literal: the URL rule and the e-mail rule).
GFM_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE | re.ASCII)
GFM_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII)
# Characters that start Markdown or Streamlit syntax when not backslash-escaped.
ACTIVE = re.compile(r"[\[\]!<>`*_~|$:&#]")
WORD_JOINER = "\u2060"


def unescaped(markdown: str) -> str:
    """The text Markdown sees once backslash escapes are resolved."""
    return re.sub(r"\\(.)", r"\1", markdown)


def visible(markdown: str) -> str:
    """What a visitor reads: escapes resolved, invisible word joiners removed."""
    return unescaped(markdown).replace(WORD_JOINER, "")


def problems(markdown: str) -> list[str]:
    """Why this Markdown is not inert: unescaped syntax characters or an autolink the renderer would make."""
    found = []
    bare = re.sub(r"\\.", "", markdown)  # escaped pairs removed: what is left is active
    if ACTIVE.search(bare):
        found.append(f"unescaped syntax {sorted(set(ACTIVE.findall(bare)))}")
    text = unescaped(markdown)
    found += [f"autolink {m.group(0)!r}" for m in (*GFM_URL.finditer(text), *GFM_EMAIL.finditer(text))]
    return found
