"""The re-alert policy: when a finding becomes an alert, and which finding matters most."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .clinical import MEANINGFUL_STRENGTH_CHANGE
from .types import Finding, PriorAlert, leg_strengths, told_alerts

# A condition found again within its quiet period is the same condition, not news. Red flags are
# re-checked every save, so two weeks covers a symptom that persists while care is arranged; a slow trend
# persists for weeks, so it waits six weeks (a routine appointment, NICE NG127) before a reminder.
RED_FLAG_QUIET_DAYS = 14
TREND_QUIET_DAYS = 42
TREND_CODES = frozenset({"worsening_trend", "asymmetry", "fatigue_trend", "activity_drop", "post_exertional"})
# Codes that describe one concern; an alert for one quiets the others ("the leg is getting weaker").
CONCERNS = ({"worsening_trend", "asymmetry"},)
# How far back stored alerts are read for the policy: beyond every quiet period.
PRIOR_ALERT_LOOKBACK_DAYS = 180


def _same_concern(code: str) -> frozenset[str]:
    for concern in CONCERNS:
        if code in concern:
            return frozenset(concern)
    return frozenset({code})


def should_raise(finding: Finding, prior: Sequence[PriorAlert], today: date) -> bool:
    """Raise unless an alert for the same concern, for the same reason, at the same or a higher severity, was
    raised within the quiet period. A more severe finding always alerts, and so does one with a new reason (a
    bladder change after weakness in a person with cancer) or with a leg meaningfully weaker than when the person
    was last told: the policy holds back repeats, never news. A dismissed alert still counts as "already told", and
    so does one raised after `today`: a day filled in late was already told about by the alert that came since."""
    quiet_days = TREND_QUIET_DAYS if finding.code in TREND_CODES else RED_FLAG_QUIET_DAYS
    concern = _same_concern(finding.code)
    reason = finding.evidence.get("reason", "")
    strengths = leg_strengths(finding.evidence)
    return not any(
        alert.code in concern
        and (today - alert.raised_on).days < quiet_days
        and alert.severity.rank >= finding.severity.rank
        and (alert.reason == reason or alert.code != finding.code)
        and not _weaker_since(strengths, alert)
        for alert in prior
    )


def _weaker_since(strengths: tuple[tuple[str, int], ...], alert: PriorAlert) -> bool:
    """A leg recorded both then and now is meaningfully weaker now (each leg against itself, never the other)."""
    then = dict(alert.leg_strengths)
    return any(side in then and then[side] - now >= MEANINGFUL_STRENGTH_CHANGE for side, now in strengths)


def alerts_to_raise(
    findings: Sequence[Finding], prior: Sequence[PriorAlert], today: date, one_alert: bool = False
) -> list[Finding]:
    """The findings of one check that become alerts: the most severe first (the first found among equals), each
    judged by should_raise against the prior alerts and the alerts raised before it in the same check.

    With `one_alert` (a saved entry: one entry raises one alert, one email, one push), the first is the alert and
    the others ride along in its evidence as `also`, told to the person on the same page."""
    told = list(prior)
    raised = []
    for finding in sorted(findings, key=lambda f: f.severity.rank, reverse=True):
        if should_raise(finding, told, today):
            raised.append(finding)
            told.extend(told_alerts(finding.code, finding.severity, today, "open", finding.evidence))
    if not one_alert or len(raised) < 2:
        return raised
    lead, *others = raised
    also = [{"code": f.code, "severity": f.severity.value, "reason": f.evidence.get("reason", "")} for f in others]
    return [replace(lead, evidence=lead.evidence | {"also": also})]


def most_urgent(findings: Sequence[Finding]) -> Finding | None:
    """The finding to lead with: highest severity; among equals, the one found first."""
    return max(findings, key=lambda f: f.severity.rank, default=None)
