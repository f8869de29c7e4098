"""Finds internal codes in what a person or their doctor reads: rendered pages, chart figures, messages.

A code counts as shown when a word joined by underscores appears in the text (worsening_trend, back_pain, or a
code nobody has labelled yet), or when a whole piece of text is nothing but a code (a table cell saying "soon").
"""

import html as html_module
import json
import re

from tracker.labels import ALERT_LABELS, ALERT_STATUS_LABELS, SEVERITY_LABELS
from tracker.records import INVESTIGATION_KINDS, LIFE_EVENT_KINDS, MARKERS
from tracker.symptoms import SYMPTOMS

CODES = frozenset(
    [
        *ALERT_LABELS,
        *SEVERITY_LABELS,
        *ALERT_STATUS_LABELS,
        *SYMPTOMS,
        *INVESTIGATION_KINDS,
        *LIFE_EVENT_KINDS,
        *MARKERS,
    ]
)
_SNAKE_CASE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
# What plotly.js draws from a figure: trace and axis names, point labels, hover texts, annotations, categories.
_FIGURE_TEXT_KEYS = frozenset({"name", "text", "hovertext", "hovertemplate", "ticktext", "customdata", "y"})


def codes_in_text(pieces) -> set[str]:
    found = set()
    for piece in pieces:
        piece = str(piece)
        found.update(_SNAKE_CASE.findall(piece))
        if piece.strip() in CODES:
            found.add(piece.strip())
    return found


def codes_in_html(page: str) -> set[str]:
    """Codes in the visible text of a page, and in the chart figures it embeds as JSON."""
    found = set()
    for figure in re.findall(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', page, re.S):
        found |= codes_in_figure(json.loads(figure))
    visible = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    visible = re.sub(r"<!--.*?-->", " ", visible, flags=re.S)
    pieces = [html_module.unescape(text) for text in re.split(r"<[^>]+>", visible)]
    return found | codes_in_text(piece for piece in pieces if piece.strip())


def codes_in_figure(figure: dict) -> set[str]:
    return codes_in_text(_figure_text(figure))


def _figure_text(value, key: str | None = None):
    if isinstance(value, dict):
        for name, inner in value.items():
            if name == "text" or name in _FIGURE_TEXT_KEYS or isinstance(inner, dict | list):
                yield from _figure_text(inner, name)
    elif isinstance(value, list):
        for inner in value:
            yield from _figure_text(inner, key)
    # A date on the axis or in a point is not text a person reads as a word.
    elif isinstance(value, str) and key in _FIGURE_TEXT_KEYS and not re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
        yield value
