"""The period picker and the chart placeholders a page fills from the chart API (js/plots.js)."""

from django.urls import reverse

from tracker.charts import FIGURES
from tracker.selectors.series import CHART_RANGES

DEFAULT_RANGE = "90"


def chart_links(request, url_name: str, *url_args) -> dict:
    """Template context: the chosen range and, per figure, its title and its API URL for that range."""
    chosen = request.GET.get("range", DEFAULT_RANGE)
    if chosen not in CHART_RANGES:
        chosen = DEFAULT_RANGE
    figures = [
        {"name": name, "title": title, "url": f"{reverse(url_name, args=[*url_args, name])}?range={chosen}"}
        for name, (title, _) in FIGURES.items()
    ]
    return {"figures": figures, "ranges": CHART_RANGES, "chosen": chosen}
