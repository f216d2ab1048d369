"""Show data text through Streamlit's Markdown elements as plain text (no links, images, HTML or colour syntax)."""
from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=/^%@])")


def escape_md(text: object) -> str:
    """Every ASCII punctuation character that Markdown, Streamlit (:red[…], :emoji:, $math$) or an autolink could
    use is backslash-escaped, and line breaks become spaces."""
    flat = re.sub(r"[\r\n\u2028\u2029]+", " ", str(text))
    return _MD_SPECIAL.sub(r"\\\1", flat)
