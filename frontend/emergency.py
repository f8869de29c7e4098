"""What the country choice (first run, Settings) needs to say the emergency number of the country chosen."""

from tracker.emergency_numbers import DEFAULT_EMERGENCY_NUMBER, EMERGENCY_NUMBERS, emergency_number_for


def country_choice_context(form) -> dict:
    country = form["country"].value()
    return {
        "emergency_numbers": {"numbers": EMERGENCY_NUMBERS, "default": DEFAULT_EMERGENCY_NUMBER},
        "emergency_number_shown": emergency_number_for(country) if country else "",
    }
