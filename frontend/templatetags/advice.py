"""What to do about an alert, from tracker/rules/advice.py at the time the page is drawn: an alert stored
under older words, or before the person chose their country, reads as Learn and new alerts do."""

from django import template

from tracker.rules.advice import advice
from tracker.rules.types import Severity

register = template.Library()


@register.simple_tag
def what_to_do(alert, emergency_number: str) -> str:
    return advice(alert.code, Severity(alert.severity), emergency_number)
