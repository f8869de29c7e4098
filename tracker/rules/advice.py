"""What the patient should do now, in plain and calm words."""

from .types import Severity

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


def advice(code: str, severity: Severity, emergency_number: str) -> str:
    about = _WHAT_IT_IS_ABOUT.get(code, "this change")
    if severity is Severity.EMERGENCY:
        return (
            f"Call {emergency_number} now and say what you noticed and when it started. "
            "Do not drive yourself, and do not wait to see if it passes. "
            "If someone is with you, ask them to stay with you."
        )
    if severity is Severity.URGENT:
        return (
            f"Please see a doctor today about {about}: call your GP or specialist team now, or go "
            "to urgent care. "
            f"If it gets worse or you cannot get help today, call {emergency_number}."
        )
    if severity is Severity.SOON:
        return (
            f"Please book an appointment with your doctor in the next week or two to talk about {about}. "
            f"If things change quickly, or you cannot move a leg, call {emergency_number}."
        )
    return (
        f"Nothing to do right now. It may help to mention {about} at your next appointment, "
        "and you can read more in the Learn section."
    )
