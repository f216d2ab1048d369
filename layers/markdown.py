"""Show data text through Streamlit's Markdown elements as plain text: no links, images, HTML or colour syntax.

The one escaping function for every text from data files or the URL that reaches a Markdown sink (st.markdown,
st.title, st.caption, alerts, widget labels and help, page links, toasts). Escaping punctuation is not enough on
its own: GitHub-flavoured Markdown turns bare `https://…`, `www.…` and `name@host.tld` into links *after* escapes
are resolved, so the function also puts an invisible WORD JOINER (U+2060) where an autolink would start.
"""
from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=/^%@])")
WORD_JOINER = "\u2060"  # invisible, not a space: the text reads and wraps as before
# After escaping: the "\:" of "scheme://", every "\@" (e-mail addresses, mailto: and xmpp: links) and the "\."
# after "www" (www.host). A colon in ordinary text ("Box 14: ...") is left alone, so copied text stays clean.
_AUTOLINK_START = re.compile(r"(\\:(?=\\/)|\\@)|(?i:(?<=www))(?=\\\.)")


def escape_md(text: object) -> str:
    """Every ASCII punctuation character that Markdown, Streamlit (:red[…], :emoji:, $math$) or an autolink could
    use is backslash-escaped, autolinks are broken with an invisible word joiner, and line breaks become spaces."""
    flat = re.sub(r"[\r\n\u2028\u2029]+", " ", str(text))
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return _AUTOLINK_START.sub(lambda m: (m.group(1) or "") + WORD_JOINER, escaped)
