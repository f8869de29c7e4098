"""One plain sentence a chart shows above it, saying what it shows now ("Right leg about 5 in the last two weeks,
usually about 8"), and the note an almost empty chart shows inside it (how many days before a trend shows).

The numbers are tracker.selectors.figures', the same the alert page and the doctor's summary show.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import timedelta
from itertools import islice

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tracker.labels import symptom_label
from tracker.rules.baseline import median
from tracker.rules.clinical import EXERTION_RATIO
from tracker.rules.norms import steadi_chair_stand_cutoff
from tracker.rules.trends import (
    ANALYSIS_WINDOW_DAYS,
    BASELINE_ENDS_DAYS_AGO,
    CHAIR_STAND_RECENT_DAYS,
    MIN_BASELINE_LOGS,
    MIN_CHAIR_STAND_BASELINE,
    RECENT_DAYS,
    STEPS_BASELINE_DAYS,
    STEPS_RECENT_DAYS,
)
from tracker.selectors.figures import Figures, Measure, figures_of, symptom_days
from tracker.selectors.series import ChartData

from .common import ROLLING_DAYS, ROLLING_MIN_LOGS

# Below this many pairs of a day's steps and the next day's fatigue, the scatter says too little to sum up.
MIN_ACTIVITY_PAIRS = 7
# Two readings of a 0-10 rating closer than this are "as usual" in words.
AS_USUAL_WITHIN = 1.0


def chart_sentence(name: str, data: ChartData) -> str:
    return _SENTENCES[name](data, figures_of(data))


def chart_sentences(data: ChartData) -> dict[str, str]:
    figures = figures_of(data)
    return {name: sentence(data, figures) for name, sentence in _SENTENCES.items()}


def waiting_note(name: str, data: ChartData) -> str | None:
    """What an almost empty chart says in its middle: when its lines and the usual range will show."""
    field = _FIELDS.get(name)
    if field is None:
        return None
    logged = len(list(islice((d for d in data.days if getattr(d, field) is not None), ROLLING_MIN_LOGS)))
    if logged >= ROLLING_MIN_LOGS:
        return None
    if field == "chair_stand_30s":
        return _(
            "Do the chair-stand test every few days. The usual level shows once %(needed)d tests are four weeks old."
        ) % {"needed": MIN_CHAIR_STAND_BASELINE}
    words = [
        ngettext(
            "%(count)d more day logged and a weekly line shows.",
            "%(count)d more days logged and a weekly line shows.",
            ROLLING_MIN_LOGS - logged,
        )
        % {"count": ROLLING_MIN_LOGS - logged}
    ]
    usual_in = days_until_usual(data, field)
    if usual_in:
        words.append(_("The usual range shows after about %(days)d more days.") % {"days": usual_in})
    return " ".join(words)


def days_until_usual(data: ChartData, field: str) -> int | None:
    """Days from the period's end until a usual level can be worked out for `field` if it is logged every day
    from tomorrow: the engine's baseline weeks must hold enough logs. 0 when it can be already."""
    oldest, newest = _BASELINE_AGES.get(field, (ANALYSIS_WINDOW_DAYS - 1, BASELINE_ENDS_DAYS_AGO))
    logged = sorted({d.date for d in (*data.baseline_days, *data.days) if getattr(d, field) is not None})
    for wait in range(oldest + MIN_BASELINE_LOGS + 1):
        day = data.end + timedelta(days=wait)
        window_start, window_end = day - timedelta(days=oldest), day - timedelta(days=newest)
        already = bisect_right(logged, min(window_end, data.end)) - bisect_left(logged, window_start)
        to_come = max(0, (window_end - data.end).days)
        if already + to_come >= MIN_BASELINE_LOGS:
            return wait
    return None


def _strength(data: ChartData, figures: Figures) -> str:
    legs = [(_("Left leg"), figures.strength_left), (_("Right leg"), figures.strength_right)]
    logged = [(name, measure) for name, measure in legs if measure.recent is not None]
    window = _window(RECENT_DAYS)
    if not logged:
        return _("No leg strength logged in %(window)s.") % {"window": window}
    # The leg that changed most comes first: it is the news.
    logged.sort(key=lambda leg: -abs(leg[1].change or 0))
    parts = [_level(name, measure, window if index == 0 else None) for index, (name, measure) in enumerate(logged)]
    words = "; ".join([parts[0], *(part[0].lower() + part[1:] for part in parts[1:])]) + "."
    return _with_wait(words, data, "strength_left", figures.strength_left)


def _fatigue(data: ChartData, figures: Figures) -> str:
    window = _window(RECENT_DAYS)
    if figures.fatigue.recent is None:
        return _("No fatigue logged in %(window)s.") % {"window": window}
    words = _level(_("Fatigue"), figures.fatigue, window, _("out of 10")) + "."
    return _with_wait(words, data, "fatigue", figures.fatigue)


def _chair_stand(data: ChartData, figures: Figures) -> str:
    measure = figures.chair_stand
    window = _window(CHAIR_STAND_RECENT_DAYS)
    if measure.recent is None:
        words = _("No chair-stand test in %(window)s.") % {"window": window}
    elif measure.usual is None:
        words = _("About %(recent)s stands in 30 seconds in %(window)s.") % {
            "recent": _about(measure.recent),
            "window": window,
        }
    else:
        words = _("About %(recent)s stands in 30 seconds in %(window)s, usually about %(usual)s.") % {
            "recent": _about(measure.recent),
            "window": window,
            "usual": _about(measure.usual),
        }
    cutoff = steadi_chair_stand_cutoff(data.age, data.sex)
    if cutoff is None:
        norm = _("No population norm applies: the CDC STEADI norms cover women and men aged 60 to 94.")
    else:
        norm = _("Fewer than %(count)d is below average for %(who)s aged %(ages)s (CDC STEADI).") % {
            "count": cutoff[0],
            "who": _("women") if data.sex == "female" else _("men"),
            "ages": cutoff[1].replace("-", " to "),
        }
    return f"{words} {norm}"


def _steps(data: ChartData, figures: Figures) -> str:
    measure = figures.steps
    window = _window(STEPS_RECENT_DAYS)
    if measure.recent is None:
        return _("No steps logged in %(window)s.") % {"window": window}
    recent = _steps_number(measure.recent)
    if measure.usual is None:
        return _("About %(recent)s steps a day in %(window)s.") % {"recent": recent, "window": window}
    return _("About %(recent)s steps a day in %(window)s, usually about %(usual)s.") % {
        "recent": recent,
        "window": window,
        "usual": _steps_number(measure.usual),
    }


def _symptoms(data: ChartData, figures: Figures) -> str:
    since = data.end - timedelta(days=RECENT_DAYS - 1)
    counts = symptom_days([d for d in data.days if d.date >= since])
    window = _window(RECENT_DAYS)
    if not counts:
        return _("No symptoms logged in %(window)s.") % {"window": window}
    listed = ", ".join(
        ngettext("%(symptom)s (%(count)d day)", "%(symptom)s (%(count)d days)", count)
        % {"symptom": symptom_label(name), "count": count}
        for name, count in counts.items()
    )
    return _("Logged in %(window)s: %(listed)s.") % {"window": window, "listed": listed}


def _activity_fatigue(data: ChartData, figures: Figures) -> str:
    by_date = {d.date: d for d in data.days}
    pairs = [
        (day.steps, after.fatigue)
        for day in data.days
        if day.steps is not None and (after := by_date.get(day.date + timedelta(days=1))) is not None
    ]
    if len(pairs) < MIN_ACTIVITY_PAIRS:
        return _(
            "Each dot is one day's steps against the next day's fatigue. It says more once steps and fatigue are "
            "logged on at least %(needed)d days in a row (%(count)d so far)."
        ) % {"needed": MIN_ACTIVITY_PAIRS + 1, "count": len(pairs)}
    busy_from = EXERTION_RATIO * median([steps for steps, _ in pairs])
    after_busy = [fatigue for steps, fatigue in pairs if steps >= busy_from]
    after_other = [fatigue for steps, fatigue in pairs if steps < busy_from]
    if not after_busy or not after_other:
        return _("No day was much busier than usual in this period, so there is nothing to compare yet.")
    return ngettext(
        "After the %(count)d busy day (%(steps)s steps or more), fatigue the next day was about %(busy)s out of 10; "
        "after other days about %(other)s.",
        "After the %(count)d busy days (%(steps)s steps or more), fatigue the next day was about %(busy)s out of "
        "10; after other days about %(other)s.",
        len(after_busy),
    ) % {
        "count": len(after_busy),
        "steps": _steps_number(busy_from),
        "busy": _about(median(after_busy)),
        "other": _about(median(after_other)),
    }


def _level(name: str, measure: Measure, window: str | None, unit: str = "") -> str:
    recent = f"{_about(measure.recent)} {unit}".strip()
    where = _(" in %(window)s") % {"window": window} if window else ""
    if measure.usual is None:
        return _("%(name)s about %(recent)s%(where)s") % {"name": name, "recent": recent, "where": where}
    if abs(measure.recent - measure.usual) < AS_USUAL_WITHIN:
        return _("%(name)s about %(recent)s%(where)s, as usual") % {"name": name, "recent": recent, "where": where}
    return _("%(name)s about %(recent)s%(where)s, usually about %(usual)s") % {
        "name": name,
        "recent": recent,
        "where": where,
        "usual": _about(measure.usual),
    }


def _with_wait(words: str, data: ChartData, field: str, measure: Measure) -> str:
    if measure.usual is not None:
        return words
    wait = days_until_usual(data, field)
    if not wait:
        return words
    return f"{words} " + _("The usual level shows after about %(days)d more days of entries.") % {"days": wait}


def _about(value: float) -> str:
    return f"{round(value):d}"


def _steps_number(value: float) -> str:
    return f"{round(value, -2):,.0f}"


def _window(days: int) -> str:
    if days % ROLLING_DAYS == 0:
        weeks = days // ROLLING_DAYS
        return {1: _("the last week"), 2: _("the last two weeks"), 3: _("the last three weeks")}.get(
            weeks, _("the last %(weeks)d weeks") % {"weeks": weeks}
        )
    return _("the last %(days)d days") % {"days": days}


_SENTENCES: dict[str, Callable[[ChartData, Figures], str]] = {
    "strength": _strength,
    "chair_stand": _chair_stand,
    "fatigue": _fatigue,
    "steps": _steps,
    "symptoms": _symptoms,
    "activity_fatigue": _activity_fatigue,
}
# The logged value each time chart draws, for its note while still nearly empty.
_FIELDS = {"strength": "strength_left", "chair_stand": "chair_stand_30s", "fatigue": "fatigue", "steps": "steps"}
# The engine's baseline weeks, as ages in days (oldest, newest) counted back from the day analysed.
_BASELINE_AGES = {"steps": (RECENT_DAYS + STEPS_BASELINE_DAYS - 1, RECENT_DAYS)}
