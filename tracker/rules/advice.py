"""What the patient should do now, in plain and calm words: the one text per alert code and severity that the
triage answer, the phone's own check, the alert page, Today, the push, the email and Learn all show.

Where a code's clinical pathway says more than its severity does, it has its own words (the sources are in
clinical.py and docs/alerts.md): suspected cauda equina goes to an emergency department the same day
(GIRFT national suspected cauda equina pathway 2023; NICE CKS sciatica, red flags); suspected metastatic spinal
cord compression goes to the acute oncology team the same day (NICE NG234); weakness climbing over days is seen
the same day, with an ambulance if breathing or swallowing gets hard (NICE CKS Guillain-Barre syndrome).
"""

from .types import Severity

# Only for the texts that name what the alert is about; "{number}" is the person's emergency number.
_WHAT_IT_IS_ABOUT = {
    "sudden_weakness": "sudden weakness",
    "bladder_bowel": "the change in bladder, bowel or saddle feeling",
    "cord_compression": "these symptoms, given your history of cancer",
    "rapid_progression": "symptoms that are getting worse over days",
    "worsening_trend": "your legs slowly getting weaker",
    "asymmetry": "one leg becoming weaker than the other",
    "fatigue_trend": "your rising tiredness",
    "fall": "your fall",
    "activity_drop": "being much less active",
    "post_exertional": "tiredness after busy days",
}

_BY_SEVERITY = {
    Severity.EMERGENCY: (
        "Call {number} now and say what you noticed and when it started. "
        "Do not drive yourself, and do not wait to see if it passes. "
        "If someone is with you, ask them to stay with you."
    ),
    Severity.URGENT: (
        "Please see a doctor today about {about}: call your GP or specialist team now, or go to urgent care. "
        "If it gets worse or you cannot get help today, call {number}."
    ),
    Severity.SOON: (
        "Please book an appointment with your doctor in the next week or two to talk about {about}. "
        "If things change quickly, or you cannot move a leg, call {number}."
    ),
    Severity.INFO: (
        "Nothing to do right now. It may help to mention {about} at your next appointment, "
        "and you can read more in the Learn section."
    ),
}

_BY_CODE = {
    ("bladder_bowel", Severity.EMERGENCY): (
        "Call {number} now, or have someone take you to an emergency department straight away: the nerves at "
        "the base of the spine may be squeezed, and hours matter. Say what changed and when it started. "
        "Do not drive yourself."
    ),
    ("bladder_bowel", Severity.URGENT): (
        "Go to an emergency department today, even if you have no back pain: a change in bladder, bowel or "
        "saddle feeling needs checking within hours. Do not wait for a GP appointment. "
        "If your legs get weaker or you cannot pass urine, call {number}."
    ),
    ("cord_compression", Severity.EMERGENCY): (
        "Call {number} now and tell them you have had cancer and what changed. "
        "Do not drive yourself, and do not wait to see if it passes."
    ),
    ("cord_compression", Severity.URGENT): (
        "Contact your cancer team or acute oncology line today and say what changed; if you cannot reach them "
        "today, go to an emergency department. If your legs get weaker, or your bladder or bowel changes, "
        "call {number}."
    ),
    ("cord_compression", Severity.SOON): (
        "Tell your cancer team or GP about this within the week, and say you have had cancer. "
        "If your legs get weaker, or your bladder or bowel changes, contact them the same day."
    ),
    # Said after "it came on suddenly" with usual ratings, or after both legs rated very weak on a day of ordinary
    # walking with no sudden onset: the words name the legs, not a suddenness the person may have just denied.
    ("sudden_weakness", Severity.URGENT): (
        "Please see a doctor today about the weakness in your legs: call your GP or specialist team now, or go to "
        "urgent care. If it gets worse, if you cannot stand or walk, or if you cannot get help today, call {number}."
    ),
    ("rapid_progression", Severity.URGENT): (
        "Please see a doctor today: weakness or numbness that spreads over days needs checking the same day. "
        "If breathing or swallowing gets hard, call {number}."
    ),
}

# The codes the save-time check (and so the phone's own copy of it) can raise, with their severities.
SAVE_TIME_CODES = ("sudden_weakness", "bladder_bowel", "cord_compression", "rapid_progression", "fall")


def advice(code: str, severity: Severity, emergency_number: str) -> str:
    template = _BY_CODE.get((code, severity)) or _BY_SEVERITY[severity]
    return template.format(number=emergency_number, about=_WHAT_IT_IS_ABOUT.get(code, "this change"))


def advice_table(codes, emergency_number: str) -> dict[str, dict[str, str]]:
    """The texts of `codes` that come with a warning screen (all but "info"), for the phone's check offline."""
    severities = [severity for severity in Severity if severity is not Severity.INFO]
    return {code: {s.value: advice(code, s, emergency_number) for s in severities} for code in codes}
