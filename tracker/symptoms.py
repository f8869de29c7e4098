"""The fixed symptom vocabulary of a daily log (../shared/scenarios/README.md).

A log stores its symptoms as bit flags so the database itself can reject an unknown
symptom. Bit positions follow SYMPTOMS: append new symptoms, never reorder.
"""

SYMPTOM_LABELS = {
    "numbness": "Numbness",
    "tingling": "Tingling or pins and needles",
    "cramps": "Cramps",
    "stiffness": "Stiffness",
    "back_pain": "Back pain",
    "joint_pain": "Joint pain",
    "heaviness": "Legs feel heavy",
    "balance_problems": "Trouble with balance",
    "fall": "I fell",
    "bladder_bowel_change": "New trouble controlling bladder or bowel",
    "saddle_numbness": "Numbness between the legs or around the bottom",
    "face_arm_speech": "Face drooping, arm weakness or trouble speaking",
    "sudden_onset": "The weakness came on suddenly",
    "vision_loss": "Sudden trouble seeing: loss of sight or double vision",
}
SYMPTOMS = tuple(SYMPTOM_LABELS)
ALL_SYMPTOM_FLAGS = (1 << len(SYMPTOMS)) - 1


def symptoms_to_flags(symptoms) -> int:
    flags = 0
    for name in symptoms:
        flags |= 1 << SYMPTOMS.index(name)
    return flags


def flags_to_symptoms(flags: int) -> list[str]:
    return [name for bit, name in enumerate(SYMPTOMS) if flags & (1 << bit)]
