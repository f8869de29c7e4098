"""The false-alarm budget and the thresholds derived from it (issue 11; docs/alerts.md "Thresholds").

The whole engine may raise at most 0.10 false alerts at `soon` or above per patient-year on a person whose legs
are not changing. The budget is shared out between the rules whose trigger is a noisy number; each rule's share,
divided by how many independent looks it takes at a person in a year, is the chance it may accept per look, and
its threshold is the standard normal quantile of that chance. Test statistics are put on the normal scale first
(Student's t with the effective number of independent days, `baseline.normal_equivalent`), so one table serves
every rule.

A look is independent of the next when their data do not overlap: a nightly trend test over a two-week window
takes 365 / 14 independent looks a year per series, a check at save time one per log.

Rules triggered by what a person reports (bladder or bowel change, face, arm or speech signs, a fall) are not in
this budget: they alert on the report itself, as NICE and BE-FAST ask.
"""

from statistics import NormalDist

TOTAL_FALSE_ALERTS_PER_YEAR = 0.10

LOGS_PER_YEAR = 300
TREND_WINDOW_DAYS = 14
CHAIR_STAND_LOOKS_PER_YEAR = 365 / 28
CHAIR_STAND_STARTS_PER_LOOK = 11
FATIGUE_RAMP_STARTS_PER_LOOK = 8

# rule: (share of the yearly budget, independent looks a year)
SHARES = {
    # Either leg, checked at every save.
    "focal_drop": (0.025, 2 * LOGS_PER_YEAR),
    # Either leg, a nightly two-week mean against the usual level.
    "strength_decline": (0.02, 2 * 365 / TREND_WINDOW_DAYS),
    "asymmetry": (0.01, 365 / TREND_WINDOW_DAYS),
    "fatigue_rise": (0.015, 365 / TREND_WINDOW_DAYS),
    # A straight rise of fatigue from an unknown start in the last 8 weeks, nightly: about one distinct start a week.
    "fatigue_ramp": (0.005, 365 / TREND_WINDOW_DAYS * FATIGUE_RAMP_STARTS_PER_LOOK),
    # Chair stands every few days (alone, or with steps): a fall from an unknown start, four-week blocks, each
    # look the strongest of about 11 candidate starts (a test every 5 days over the 8-week fit): Bonferroni.
    "objective_decline": (0.02, CHAIR_STAND_LOOKS_PER_YEAR * CHAIR_STAND_STARTS_PER_LOOK),
    # Weakness lasting over several logs (cancer, progression), either leg, a look per log.
    "persistent_weakness": (0.005, 2 * LOGS_PER_YEAR / 3),
}
assert sum(share for share, _ in SHARES.values()) <= TOTAL_FALSE_ALERTS_PER_YEAR

# Patterns raised at `info` ("nothing to do right now") are outside the budget above but get one of their own: a
# pattern hint that is wrong every other month would teach people to skip them.
POST_EXERTIONAL_WINDOW_DAYS = 60
INFO_SHARES = {
    # A nightly test over the last 60 days: windows half a window apart overlap little enough to count as two
    # independent looks per window length.
    "post_exertional": (0.08, 2 * 365 / POST_EXERTIONAL_WINDOW_DAYS),
}


def threshold(rule: str) -> float:
    share, looks = SHARES[rule] if rule in SHARES else INFO_SHARES[rule]
    return NormalDist().inv_cdf(1 - share / looks)


Z_FOCAL_DROP = threshold("focal_drop")
Z_STRENGTH_DECLINE = threshold("strength_decline")
Z_ASYMMETRY = threshold("asymmetry")
Z_FATIGUE_RISE = threshold("fatigue_rise")
Z_FATIGUE_RAMP = threshold("fatigue_ramp")
Z_OBJECTIVE_DECLINE = threshold("objective_decline")
Z_PERSISTENT_WEAKNESS = threshold("persistent_weakness")
Z_POST_EXERTIONAL = threshold("post_exertional")
