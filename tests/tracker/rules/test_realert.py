from datetime import date, timedelta

from tracker.rules.engine import alerts_to_raise, most_urgent, should_raise
from tracker.rules.types import Finding, PriorAlert, Severity

TODAY = date(2025, 6, 1)


def alert(code, severity, days_ago):
    return PriorAlert(code=code, severity=severity, raised_on=TODAY - timedelta(days=days_ago), status="open")


def test_first_finding_is_raised():
    assert should_raise(Finding("fall", Severity.SOON), [], TODAY)


def test_persisting_condition_does_not_re_alert_every_day():
    prior = [alert("bladder_bowel", Severity.EMERGENCY, 1)]
    assert not should_raise(Finding("bladder_bowel", Severity.EMERGENCY), prior, TODAY)


def test_escalation_in_severity_alerts():
    prior = [alert("cord_compression", Severity.URGENT, 1)]
    assert should_raise(Finding("cord_compression", Severity.EMERGENCY), prior, TODAY)


def test_red_flag_may_alert_again_after_two_weeks():
    prior = [alert("fall", Severity.SOON, 14)]
    assert should_raise(Finding("fall", Severity.SOON), prior, TODAY)


def test_trend_waits_six_weeks_before_a_reminder():
    assert not should_raise(
        Finding("worsening_trend", Severity.SOON), [alert("worsening_trend", Severity.SOON, 41)], TODAY
    )
    assert should_raise(Finding("worsening_trend", Severity.SOON), [alert("worsening_trend", Severity.SOON, 42)], TODAY)


def test_asymmetry_and_worsening_trend_are_one_concern():
    prior = [alert("worsening_trend", Severity.SOON, 3)]
    assert not should_raise(Finding("asymmetry", Severity.SOON), prior, TODAY)


def test_other_codes_do_not_quiet_each_other():
    prior = [alert("fatigue_trend", Severity.SOON, 3)]
    assert should_raise(Finding("worsening_trend", Severity.SOON), prior, TODAY)


def test_most_urgent_picks_the_highest_severity():
    findings = [Finding("fall", Severity.SOON), Finding("sudden_weakness", Severity.EMERGENCY)]
    assert most_urgent(findings).code == "sudden_weakness"
    assert most_urgent([]) is None


def test_one_check_raises_the_most_severe_first_and_it_quiets_the_same_finding_at_a_lower_severity():
    findings = [Finding("worsening_trend", Severity.SOON), Finding("cord_compression", Severity.URGENT)]
    findings.append(Finding("asymmetry", Severity.SOON))
    raised = alerts_to_raise(findings, [], TODAY)
    assert [(f.code, f.severity) for f in raised] == [
        ("cord_compression", Severity.URGENT),
        ("worsening_trend", Severity.SOON),
    ]


def test_one_check_is_judged_against_the_prior_alerts():
    prior = [alert("cord_compression", Severity.URGENT, 3)]
    findings = [Finding("cord_compression", Severity.URGENT), Finding("cord_compression", Severity.EMERGENCY)]
    assert alerts_to_raise(findings, prior, TODAY) == [findings[1]]


def test_the_same_code_for_a_new_reason_is_news():
    prior = [PriorAlert("cord_compression", Severity.URGENT, TODAY - timedelta(days=5), "open", "new leg weakness")]
    again = Finding("cord_compression", Severity.URGENT, evidence={"reason": "new leg weakness"})
    new_reason = Finding("cord_compression", Severity.URGENT, evidence={"reason": "back pain with nerve signs"})
    assert not should_raise(again, prior, TODAY)
    assert should_raise(new_reason, prior, TODAY)


def test_the_same_finding_with_a_leg_clearly_weaker_than_when_told_is_news():
    told = PriorAlert(
        "cord_compression",
        Severity.EMERGENCY,
        TODAY - timedelta(days=9),
        "acknowledged",
        "severe leg weakness",
        (("left", 5), ("right", 8)),
    )
    evidence = {"reason": "severe leg weakness", "strength_right": 8}
    assert not should_raise(
        Finding("cord_compression", Severity.EMERGENCY, evidence=evidence | {"strength_left": 4}), [told], TODAY
    )
    assert should_raise(
        Finding("cord_compression", Severity.EMERGENCY, evidence=evidence | {"strength_left": 3}), [told], TODAY
    )


def test_each_leg_is_compared_with_itself_when_judging_weaker_since_told():
    """The person was told about a weak left leg (3/10); a finding that records only the right leg at 5/10 is not
    "2 points weaker" than 3: the right leg was never recorded, so nothing says it got weaker."""
    told = PriorAlert(
        "sudden_weakness", Severity.EMERGENCY, TODAY - timedelta(days=4), "open", "one leg", (("left", 3),)
    )
    right_only = Finding("sudden_weakness", Severity.EMERGENCY, evidence={"reason": "one leg", "strength_right": 5})
    right_much_weaker = Finding(
        "sudden_weakness", Severity.EMERGENCY, evidence={"reason": "one leg", "strength_right": 1}
    )
    assert not should_raise(right_only, [told], TODAY)
    assert not should_raise(right_much_weaker, [told], TODAY)
    assert should_raise(
        Finding("sudden_weakness", Severity.EMERGENCY, evidence={"reason": "one leg", "strength_left": 1}),
        [told],
        TODAY,
    )


def test_a_day_filled_in_late_is_not_news_when_its_concern_was_told_after_that_day():
    told_since = [alert("bladder_bowel", Severity.EMERGENCY, -3)]
    assert not should_raise(Finding("bladder_bowel", Severity.EMERGENCY), told_since, TODAY)
    assert should_raise(Finding("sudden_weakness", Severity.EMERGENCY), told_since, TODAY)


def test_a_more_specific_finding_is_not_held_back_by_an_earlier_one():
    prior = [alert("rapid_progression", Severity.URGENT, 3)]
    assert should_raise(Finding("cord_compression", Severity.URGENT), prior, TODAY)


def test_a_saved_entry_raises_one_alert_carrying_the_others():
    findings = [Finding("fall", Severity.SOON), Finding("sudden_weakness", Severity.EMERGENCY)]
    [only] = alerts_to_raise(findings, [], TODAY, one_alert=True)
    assert only.code == "sudden_weakness"
    assert only.evidence["also"] == [{"code": "fall", "severity": "soon", "reason": ""}]
