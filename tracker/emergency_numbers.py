"""Emergency telephone numbers by ISO 3166-1 country code.

Source: each country's national emergency service pages as summarised in the ITU
"List of emergency numbers" (ITU-T E.164 supplement). 112 works across the EU and on
most GSM phones elsewhere, so it is the fallback.
"""

DEFAULT_EMERGENCY_NUMBER = "112"

EMERGENCY_NUMBERS = {
    "US": "911",
    "CA": "911",
    "MX": "911",
    "PR": "911",
    "GB": "999",
    "IE": "112",
    "HK": "999",
    "SG": "995",
    "MY": "999",
    "AU": "000",
    "NZ": "111",
    "JP": "119",
    "KR": "119",
    "TW": "119",
    "CN": "120",
    "IN": "112",
    "PK": "1122",
    "BD": "999",
    "ZA": "10177",
    "NG": "112",
    "KE": "999",
    "EG": "123",
    "BR": "192",
    "AR": "107",
    "CL": "131",
    "CO": "123",
    "PE": "106",
    "IL": "101",
    "SA": "997",
    "AE": "998",
    "TR": "112",
    "RU": "112",
    "UA": "103",
    "CH": "144",
    "NO": "113",
    "IS": "112",
}


def emergency_number_for(country: str) -> str:
    return EMERGENCY_NUMBERS.get((country or "").upper(), DEFAULT_EMERGENCY_NUMBER)
