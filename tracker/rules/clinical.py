"""Every number with a clinical meaning that the alert engine uses, each with its source.

Sources are paraphrased; docs/alerts.md explains each threshold in plain words.
"""

# Self-rated 0-10 scales: about 2 points (or 30%) is the smallest change people feel as real
# (Farrar et al., Pain 2001, for 0-10 numeric rating scales); a 1-point wobble is noise.
MEANINGFUL_STRENGTH_CHANGE = 2.0
MEANINGFUL_FATIGUE_CHANGE = 2.0

# 30-second chair stand (Jones, Rikli & Beam, Res Q Exerc Sport 1999): about 2 stands is the smallest
# important change reported (Wright et al., J Orthop Sports Phys Ther 2011); day-to-day noise is ~2.5 stands.
MEANINGFUL_CHAIR_STAND_CHANGE = 2.0
# Two chair-stand tests a few days apart rarely agree to better than a stand (test-retest, Jones 1999),
# so the noise estimate never goes below one stand even when a short baseline happens to look steady.
CHAIR_STAND_NOISE_FLOOR = 1.0

# Losing about half of a leg's self-rated strength at once is "severe" weakness in the sense of the
# stroke and acute cord compression red flags (NICE NG127 section 1.11; FAST/BE-FAST campaigns).
SEVERE_STRENGTH_DROP = 4.0
# A leg at 3/10 or less is severely weak whatever the usual level: it cannot be trusted to carry weight (MRC
# grade 3 or less in plain words). With new bladder or bowel control loss or saddle numbness this is an emergency
# from the very first log (NICE CKS "Sciatica": suspected cauda equina needs immediate emergency referral).
SEVERELY_WEAK = 3
# "One-sided" (focal, the stroke pattern in BE-FAST and NICE NG127): one leg at least 3 points below its usual
# level (8 to 5, 7 to 4: a loss a person notices at once) while the other leg lost less than half as much.
FOCAL_DROP = 3.0
FOCAL_SHARE = 0.5
# "Sudden": at least this share of the drop happened since the previous log, not over weeks.
SUDDEN_SHARE = 0.6
# "New" weakness for the cancer and fall rules: a meaningful drop below the patient's usual level.
NEW_WEAKNESS_DROP = 2.0
# Signs that a change involves the nerves, not a passing illness (heavy legs are part of any bad day).
NERVE_SYMPTOMS = frozenset({"numbness", "tingling", "balance_problems", "bladder_bowel_change", "saddle_numbness"})
# A flu-like illness: both legs down with fatigue this far above usual (or aching joints) and no nerve signs.
ILLNESS_FATIGUE_RISE = 2.0
# Known cancer, back pain alone (NICE NG234): persistent means on most days (60 %) for a week or more.
PERSISTENT_BACK_PAIN_DAYS = 7
PERSISTENT_BACK_PAIN_SHARE = 0.6
# Guillain-Barre and other rapidly progressive weakness (NICE CKS "Guillain-Barre syndrome": weakness or
# numbness ascending over days needs same-day assessment): a drop of 3 points built up over several days,
# or numbness climbing 2 levels (e.g. from the feet to the knees) within a week.
PROGRESSIVE_STRENGTH_DROP = 3.0
PROGRESSION_DAYS = 7
ASCENDING_NUMBNESS_LEVELS = 2
# A drop counts as "built up over days" when no single day-to-day step holds most of it.
LARGEST_STEP_SHARE = 0.7


# A symptom logged on at least this share of baseline days is part of the patient's usual picture,
# not "new" (NICE CG75 and the cauda equina pathway both ask about new or changed symptoms).
BACKGROUND_SYMPTOM_SHARE = 0.10
BACKGROUND_SYMPTOM_MIN_DAYS = 3

# Known cancer: NICE CG75 (metastatic spinal cord compression, 2008; now NICE NG234, 2023). Spinal pain
# suggestive of metastases -> contact the MSCC team within 24 hours (urgent); with neurological symptoms
# (limb weakness, walking difficulty, sensory loss, bladder or bowel dysfunction) -> immediately (emergency).
MSCC_NEUROLOGICAL_SYMPTOMS = frozenset(
    {
        "numbness",
        "tingling",
        "balance_problems",
        "fall",
        "bladder_bowel_change",
        "saddle_numbness",
        "heaviness",
    }
)

# Cauda equina (GIRFT national suspected cauda equina pathway, 2023; NICE CKS "Sciatica"): new bladder or
# bowel control loss or saddle numbness with back or leg symptoms -> emergency same-day assessment.
CAUDA_EQUINA_SYMPTOMS = frozenset({"bladder_bowel_change", "saddle_numbness"})
BACK_OR_LEG_SYMPTOMS = frozenset({"back_pain", "numbness", "tingling", "heaviness", "balance_problems"})

# BE-FAST (Aroor et al., Stroke 2017): balance, eyes, face, arm, speech, time.
STROKE_SIGNS = frozenset({"face_arm_speech", "vision_loss"})

# Falls: NICE NG249 / CG161 (falls in older people) advises a falls assessment after a fall; with new
# weakness the cause needs same-day review.
FALL = "fall"

# Disuse: muscle mass falls by about 0.5% a day during immobilisation (Wall et al., Acta Physiol 2014;
# Breen et al., J Clin Endocrinol Metab 2013, step reduction to ~1,500 a day). Steps below half the usual
# level for a week is a "collapse" worth knowing about.
ACTIVITY_DROP_RATIO = 0.5
# Steps falling by at least 15 % alongside chair stands: the slowing of parkinsonism shows in daily walking
# (a judgement call: less than the week-to-week swing of a healthy person's steps would not be noticed).
MEANINGFUL_STEPS_CHANGE = 0.15

# Post-exertional symptom exacerbation (NICE NG206, ME/CFS, 2021): symptoms worsen 12-48 hours after
# exertion.
# "High activity" for the hints and chart sentences = at least 1.35 times the usual steps (a long walk for someone
# who mostly stays in); a "crash" = fatigue at least 1.5 points above the usual, i.e. 2 points on whole-number
# answers.
EXERTION_RATIO = 1.35
CRASH_LAG_DAYS = (1, 2)
CRASH_RISE = 1.5
# The rule's busy day: steps 1.5 of the person's own standard deviations above their usual (log scale), a day
# clearly busier than their ordinary swing (a judgement call; 1.0 let ordinary days dilute the busy ones, 2.0
# left out busy days of 1.5 times the usual steps). "Again and again": at least 2 busy days followed by a crash.
BUSY_DAY_Z = 1.5
REPEATED_CRASHES = 2
# Looked at from the crashes back: a crash is fatigue 2 of the person's standard deviations above usual, and the
# steps on the day or two before 3+ crashes must stand 2.5 standard errors above those before ordinary days
# (one-sided p < 0.6 % a look).
CRASH_Z = 2.0
CRASHES_LOOKED_BACK_FROM = 3
Z_BUSIER_BEFORE_CRASHES = 2.5
