"""The BE-FAST questions the phone asks before saving a sharp drop in one leg (or in both at once), and when.

A single entry cannot tell a stroke from a bad day or a slip of the finger, but the person holding the phone
can: BE-FAST (Aroor et al., Stroke 2017;48:479-481) adds Balance and Eyes to FAST (Face, Arm, Speech, Time),
which on its own misses about one stroke in seven. The wording follows the NHS ("Stroke: symptoms") and the
American Stroke Association's BE FAST, in our own words. Each answer is stored as a symptom of the day
(tracker/symptoms.py), so it feeds the same save-time red-flag check as a ticked box, on the phone and on the
server. The phone's side is frontend/static/frontend/js/strokequestions.js.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True, slots=True)
class StrokeQuestion:
    name: str
    heading: Promise
    question: Promise
    symptom: str


STROKE_QUESTIONS = (
    StrokeQuestion(
        "balance",
        _("Balance"),
        _("Did you suddenly lose your balance, or become unsteady on your feet?"),
        "balance_problems",
    ),
    StrokeQuestion(
        "eyes",
        _("Eyes"),
        _("Do you suddenly have trouble seeing, such as losing sight in one or both eyes, or seeing double?"),
        "vision_loss",
    ),
    StrokeQuestion(
        "face",
        _("Face"),
        _("Has one side of your face dropped? Try a smile in a mirror: is one side lower?"),
        "face_arm_speech",
    ),
    StrokeQuestion(
        "arm",
        _("Arms"),
        _("Is one arm weak or numb? Try raising both arms: does one drift down?"),
        "face_arm_speech",
    ),
    StrokeQuestion(
        "speech",
        _("Speech"),
        _("Is your speech slurred or muddled, or is it hard to find words or to understand others?"),
        "face_arm_speech",
    ),
    StrokeQuestion(
        "sudden",
        _("Time"),
        _("Did the weakness come on suddenly, within minutes or hours?"),
        "sudden_onset",
    ),
)

# When the phone asks. About 2 points is the smallest change people feel as real on a 0-10 scale (Farrar et al.,
# Pain 2001); the questions are cheap, a missed stroke is not, so they are asked from a drop of 2.5 against
# the leg's usual level: with a whole-number rating that is 3 points below a usual 8, or 2.5 below a usual 7.5.
# A median of whole numbers moves in half points, so the cut-off sits halfway between 2 and 2.5, never on a value
# a drop can take.
ONE_SIDED_DROP = 2.25
# "One-sided": the other leg lost less than half as much, the reading of "focal" the save-time check uses
# (tracker/rules/clinical.py FOCAL_SHARE); a dip in both legs alike is the pattern of a bad day or an illness.
OTHER_LEG_SHARE = 0.5
# The usual level of a leg is the median of its ratings over the four weeks before the day, once there are
# at least three of them: a median of three already ignores one odd day.
USUAL_LEVEL_DAYS = 28
MIN_USUAL_LEVEL_LOGS = 3
# With no usual level yet (a new diary), a leg rated 3 or less while the other is 6 or more is asked about:
# weakness on one side only, far beyond the usual wobble between two legs.
NEW_DIARY_WEAK_AT_MOST = 3
NEW_DIARY_OTHER_AT_LEAST = 6
# Both legs collapsing at once (each at least 4 points below its usual, the save-time check's severe drop, with the
# cut-off halfway between 3.5 and 4; or, with no usual level yet, both at 3 or less) is asked about too: on a day the
# phone counted ordinary walking the entry does not add up, and the check leaves it at a same-day review unless the
# person says it came on suddenly (tracker/rules/red_flags.py USUAL_WALKING_SD).
BOTH_LEGS_DROP = 3.75
NEW_DIARY_BOTH_AT_MOST = 3
# From a low usual level (5 or so) there are not 4 points to lose: both legs down by 2 points or more (the smallest
# change people feel as real; cut-off halfway) to 3 or less are asked about too. The check raises nothing for such a
# day on its own, unless the person has cancer; "it came on suddenly" with new weakness makes it an emergency.
BOTH_LEGS_LOW_AT_MOST = 3
BOTH_LEGS_LOW_DROP = 1.75


def when_to_ask() -> dict:
    """The rule above, as plain JSON for the phone."""
    return {
        "one_sided_drop": ONE_SIDED_DROP,
        "other_leg_share": OTHER_LEG_SHARE,
        "usual_level_days": USUAL_LEVEL_DAYS,
        "min_usual_level_logs": MIN_USUAL_LEVEL_LOGS,
        "new_diary_weak_at_most": NEW_DIARY_WEAK_AT_MOST,
        "new_diary_other_at_least": NEW_DIARY_OTHER_AT_LEAST,
        "both_legs_drop": BOTH_LEGS_DROP,
        "new_diary_both_at_most": NEW_DIARY_BOTH_AT_MOST,
        "both_legs_low_at_most": BOTH_LEGS_LOW_AT_MOST,
        "both_legs_low_drop": BOTH_LEGS_LOW_DROP,
    }
