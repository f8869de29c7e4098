from frontend.evidence import evidence_lines


def test_save_time_evidence_reads_as_plain_words():
    lines = evidence_lines(
        {
            "date": "2026-01-06",
            "baseline_window": ["2025-12-01", "2025-12-30"],
            "new_symptoms": ["face_arm_speech"],
            "numbness_extent": 3,
            "strength_right": 2,
            "baseline_right": 8.0,
            "noise_right": 0.5,
            "previous_right": 8,
        }
    )
    assert lines == [
        "Right leg strength that day: 2 out of 10 (usually about 8); the entry before: 8",
        "New compared with your usual days: face drooping, arm weakness or trouble speaking",
        "Numbness reached: up to the calves or knees",
        "Your usual days, compared against: 2025-12-01 to 2025-12-30",
    ]


def test_trend_evidence_names_each_declining_measurement():
    lines = evidence_lines(
        {
            "recent_window": ["2026-02-01", "2026-02-14"],
            "declines": [{"series": "chair_stand_30s", "baseline": 12.0, "recent": 8.5}],
        }
    )
    assert lines == [
        "Chair stands in 30 seconds: usually about 12, lately about 8.5",
        "Recent days looked at: 2026-02-01 to 2026-02-14",
    ]
