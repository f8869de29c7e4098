"""Shared pieces of the figures: the daily axis, the palette and a layout that reads on a 360-pixel phone."""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from tracker.rules.baseline import Level, median
from tracker.rules.types import DayEntry
from tracker.selectors.series import ChartData

# Okabe & Ito, "Color Universal Design" (2008): distinguishable with every common colour-vision deficiency.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
ROLLING_DAYS = 7
# A rolling median over fewer logged days than this would mostly echo single days.
ROLLING_MIN_LOGS = 4
# What a tap shows is broken into lines this long, so it fits beside the finger on a 320-pixel phone.
HOVER_LINE_CHARS = 32
# A diary begun within the period shows at least this many days, ending today.
NEWCOMER_AXIS_DAYS = 14
# Room left at each end of the time axis, as a share of the days shown.
AXIS_PAD_SHARE = 0.015


def daily_axis(start: date, end: date) -> list[date]:
    return [start + timedelta(days=offset) for offset in range((end - start).days + 1)]


def on_axis(axis: Sequence[date], days: Sequence[DayEntry], field: str) -> list:
    """One value a calendar day, None where nothing was logged, so a missing day draws as a gap."""
    by_date = {d.date: getattr(d, field) for d in days}
    return [by_date.get(day) for day in axis]


def rolling_median(values: Sequence, window: int = ROLLING_DAYS, min_logs: int = ROLLING_MIN_LOGS) -> list:
    """The median of the logged values in the trailing `window` calendar days, None with too few logs."""
    result = []
    for index in range(len(values)):
        logged = [v for v in values[max(0, index - window + 1) : index + 1] if v is not None]
        result.append(median(logged) if len(logged) >= min_logs else None)
    return result


def wrapped(text: str, width: int = 18) -> str:
    """Words broken into lines of about `width` characters with plotly's <br>."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "<br>".join(lines)


# The names plotly.js gives days and months on the axis ("%a", "%b").
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def weekday_and_date(day: date) -> str:
    """'Tue 3 Mar 2026', as the time axis says a day when tapped (its hoverformat). Neither Django's date_format
    nor strftime: a year of points would spend most of a chart's time in them."""
    return f"{_WEEKDAYS[day.weekday()]} {day_month_year(day)}"


def day_month_year(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def iso(days: Sequence[date]) -> list[str]:
    return [day.isoformat() for day in days]


def line(name: str, x: list[str], y: list, color: str, **extra) -> dict:
    """A series drawn day by day; a tap over a day names it and its value, unless `hoverinfo="skip"`."""
    if extra.get("hoverinfo") != "skip":
        extra.setdefault("hovertemplate", f"{name}: %{{y}}<extra></extra>")
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "name": name,
        "x": x,
        "y": y,
        "connectgaps": False,
        "line": {"color": color, "width": 2},
        "marker": {"color": color, "size": 4},
        "cliponaxis": False,
        **extra,
    }


def band(name: str, start: date, end: date, level: Level, color: str, legendgroup: str) -> list[dict]:
    """The usual range (typical value plus or minus the patient's own day-to-day wobble) as a shaded band."""
    x = [start.isoformat(), end.isoformat()]
    edge = {"type": "scatter", "mode": "lines", "x": x, "line": {"width": 0}, "hoverinfo": "skip"}
    return [
        {
            **edge,
            "name": f"{name} (low edge)",
            "y": [round(level.typical - level.noise, 2)] * 2,
            "showlegend": False,
            "legendgroup": legendgroup,
        },
        {
            **edge,
            "name": name,
            "y": [round(level.typical + level.noise, 2)] * 2,
            "fill": "tonexty",
            "fillcolor": translucent(color),
            "legendgroup": legendgroup,
        },
    ]


def translucent(color: str, alpha: float = 0.2) -> str:
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def shown_start(data: ChartData) -> date:
    """The first day on the time axis: the period's, or for someone who began logging (or recording) within it,
    a little before their first entry, so a new diary is not a dot squeezed against the right edge."""
    firsts = [d.date for d in data.days[:1]] + [d.date for d in data.baseline_days[:1]] + data.timeline.first_dates()
    if not firsts:
        return max(data.start, data.end - timedelta(days=NEWCOMER_AXIS_DAYS - 1))
    return max(data.start, min(*firsts, data.end - timedelta(days=NEWCOMER_AXIS_DAYS - 1)))


def time_range(start: date, end: date) -> list[str]:
    """The axis from `start` to `end` with room either side for a marker, so none is cut in half."""
    pad = timedelta(days=max(0.5, AXIS_PAD_SHARE * ((end - start).days + 1)))
    return [
        (datetime.combine(start, time()) - pad).isoformat(sep=" "),
        (datetime.combine(end, time()) + pad).isoformat(sep=" "),
    ]


def layout(data: ChartData, yaxis: dict, **extra) -> dict:
    """No fixed width: the figure takes its container's width; the legend sits below the plot. The title is the
    page's heading. Nothing zooms or pans, so a finger on a chart still scrolls the page; a tap anywhere over a
    day shows that day's date and values."""
    return {
        "autosize": True,
        "height": 320,
        "margin": {"l": 40, "r": 8, "t": 8, "b": 8},
        "font": {"size": 12},
        "legend": {"orientation": "h", "x": 0, "y": -0.15, "yanchor": "top"},
        "xaxis": {
            "type": "date",
            "range": time_range(shown_start(data), data.end),
            "automargin": True,
            "fixedrange": True,
            "hoverformat": "%a %-d %b %Y",
        },
        "yaxis": {"automargin": True, "fixedrange": True, **yaxis},
        "hovermode": "x unified",
        "hoverlabel": {"namelength": -1, "font": {"size": 11}},
        "dragmode": False,
        "plot_bgcolor": "#ffffff",
        **extra,
    }
