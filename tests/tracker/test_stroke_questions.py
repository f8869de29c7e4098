from tracker.rules.clinical import STROKE_SIGNS
from tracker.stroke_questions import STROKE_QUESTIONS
from tracker.symptoms import SYMPTOMS


def test_every_answer_is_a_symptom_of_the_day_and_every_stroke_sign_is_asked_about():
    asked = {question.symptom for question in STROKE_QUESTIONS}
    assert asked <= set(SYMPTOMS)
    assert STROKE_SIGNS | {"balance_problems", "sudden_onset"} <= asked


def test_the_questions_follow_be_fast_in_order():
    assert [str(question.heading) for question in STROKE_QUESTIONS] == [
        "Balance",
        "Eyes",
        "Face",
        "Arms",
        "Speech",
        "Time",
    ]
