import re


def assert_no_inline_code(html: str) -> None:
    """Every script is a file or JSON data; no inline event handlers."""
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert " src=" in tag or 'type="application/json"' in tag, tag
    assert re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html) is None
