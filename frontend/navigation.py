"""The tab bar at the bottom of every signed-in page: the few places a person goes, as phone apps show them.

A person with a diary gets Today, History, Alerts, Charts and More (Treatments and tests, Sharing, Learn,
Settings); an account with no diary of its own (a carer) gets Following and Learn. A tab is current on its own
page and on the pages under it (a day of History, one alert, each page listed under More).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from tracker.selectors.access import follows_anyone
from tracker.selectors.alerts import open_alert_count


@dataclass(frozen=True)
class Tab:
    url_name: str
    label: str
    icon: str
    pages: frozenset[str]


RECORD_PAGES = frozenset(
    {
        "records",
        "treatment-new",
        "treatment",
        "test-new",
        "test",
        "event-new",
        "event",
    }
)
PATIENT_TABS = (
    Tab("today", _("Today"), "today", frozenset({"today"})),
    Tab("history", _("History"), "history", frozenset({"history", "edit-day", "add-day"})),
    Tab("alerts", _("Alerts"), "alerts", frozenset({"alerts", "alert"})),
    Tab("charts", _("Charts"), "charts", frozenset({"charts"})),
    Tab(
        "more",
        _("More"),
        "more",
        frozenset(
            {
                "more",
                "sharing",
                "learn",
                "settings",
                "delete-account",
                "following",
                "followed-patient",
                *RECORD_PAGES,
                "account",
                "change-email",
                "password-change",
                "notifications",
            }
        ),
    ),
)
CARER_TABS = (
    Tab("following", _("Following"), "following", frozenset({"following", "followed-patient"})),
    Tab("learn", _("Learn"), "learn", frozenset({"learn"})),
)


def main_tabs(request) -> dict:
    """`tabs` for base.html: each with its url, label, icon and `current` ("page" on the tab's own page,
    "true" on a page under it, None elsewhere), the value of its aria-current."""
    if not request.user.is_authenticated:
        return {}
    match = request.resolver_match
    here = match.url_name if match and match.namespace == "frontend" else None
    tabs = PATIENT_TABS if hasattr(request.user, "patient") else CARER_TABS
    if tabs is PATIENT_TABS and follows_anyone(request.user):
        # Someone with a diary who also cares for someone reaches them in one tap too (issue 12 item 6).
        tabs = (*PATIENT_TABS[:-1], CARER_TABS[0], PATIENT_TABS[-1])
    patient = getattr(request.user, "patient", None)
    return {
        "tabs": [
            {
                "url": reverse(f"frontend:{tab.url_name}"),
                "label": tab.label,
                "icon": tab.icon,
                "current": "page" if here == tab.url_name else "true" if here in tab.pages else None,
                # Drawn only where the tab bar is: one count of the alerts nobody has seen yet.
                "badge": SimpleLazyObject(lambda: open_alert_count(patient_id=patient.pk))
                if tab.url_name == "alerts"
                else None,
            }
            for tab in tabs
        ]
    }
