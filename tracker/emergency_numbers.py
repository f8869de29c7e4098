"""The number to call in a medical emergency, by ISO 3166-1 country code.

Where a country has separate numbers, this is the one that sends an ambulance (or the fire service where
that is who brings one). A country not listed here takes 112: in each of them 112 is an emergency number
(the EU's single number, and GSM handsets route it to the local service; 3GPP TS 22.101 section 10.1.1).

Sources: the ITU's list of emergency numbers (Operational Bulletin annex, ITU-T E.164 supplement) and each
national service. tests/tracker/test_emergency_numbers.py checks every entry, and 112 for every country not
listed, against the emergency short numbers in libphonenumber's metadata (the `phonenumbers` package), and
names the few entries newer than that metadata.
"""

DEFAULT_EMERGENCY_NUMBER = "112"

EMERGENCY_NUMBERS = {
    # North America and the Caribbean
    "US": "911",
    "CA": "911",
    "MX": "911",
    "PR": "911",
    "VI": "911",
    "AS": "911",
    "GU": "911",
    "MP": "911",
    "AG": "911",
    "AI": "911",
    "AW": "911",
    "BB": "511",  # ambulance; 211 police, 311 fire
    "BM": "911",
    "BS": "911",
    "BZ": "911",
    "DM": "999",
    "GD": "911",
    "KN": "911",
    "KY": "911",
    "LC": "911",
    "MS": "911",
    "TC": "911",
    "VC": "911",
    "VG": "911",
    "SX": "919",
    "CU": "104",  # ambulance
    "HT": "114",
    "TT": "990",  # fire and ambulance
    # Central and South America
    "GT": "123",  # volunteer fire service, which runs the ambulances
    "SV": "911",
    "HN": "911",  # Sistema Nacional de Emergencia 911 (2015), newer than libphonenumber's 199
    "NI": "128",  # Red Cross ambulance
    "PA": "911",
    "CO": "123",
    "PE": "116",  # fire service, which answers medical emergencies nationwide (SAMU 106 covers few cities)
    "BO": "118",  # ambulance
    "BR": "192",  # SAMU ambulance
    "PY": "911",
    "UY": "911",
    "AR": "107",  # ambulance
    "CL": "131",  # ambulance
    "GY": "913",  # ambulance
    "SR": "115",
    "GF": "15",  # SAMU
    "GP": "15",
    "BL": "18",
    "MF": "15",
    "PM": "15",
    "FK": "999",
    # Europe and Central Asia (112 elsewhere)
    "GB": "999",
    "IE": "112",
    "IM": "999",
    "CH": "144",  # ambulance
    "NO": "113",  # ambulance
    "IS": "112",
    "SM": "118",  # ambulance
    "BA": "124",  # ambulance
    "TR": "112",
    "RU": "112",
    "UA": "103",  # ambulance
    "AM": "103",  # ambulance
    "KG": "103",  # ambulance
    "UZ": "103",  # ambulance; libphonenumber still has the old two-digit 03
    "TM": "03",  # ambulance
    # Middle East and North Africa
    "IL": "101",  # Magen David Adom
    "PS": "101",  # ambulance
    "SA": "997",  # ambulance
    "AE": "998",  # ambulance
    "BH": "999",
    "QA": "999",
    "OM": "9999",
    "IQ": "122",  # ambulance
    "YE": "191",
    "EG": "123",  # ambulance
    "LY": "193",
    "TN": "190",  # SAMU
    "MA": "15",  # ambulance and fire
    "EH": "15",
    "SD": "999",
    "SS": "999",
    # Sub-Saharan Africa
    "ZA": "10177",  # ambulance
    "NA": "10111",
    "NG": "112",  # the Nigerian Communications Commission's emergency number, newer than libphonenumber's 199
    "GH": "193",  # ambulance
    "KE": "999",
    "UG": "999",
    "ET": "991",
    "SO": "999",
    "MW": "998",  # ambulance
    "MZ": "117",  # ambulance
    "SZ": "999",
    "MU": "114",  # SAMU
    "SC": "999",
    "MG": "118",
    "KM": "18",
    "DJ": "18",
    "SN": "18",  # fire service, which runs emergency rescue
    "ML": "15",  # ambulance
    "NE": "15",  # ambulance
    "BF": "18",
    "CI": "180",  # fire service
    "TG": "118",
    "CM": "117",
    "CF": "118",
    "CG": "118",
    "CD": "118",
    "GA": "1300",  # SAMU
    "TD": "18",
    "MR": "18",
    "GW": "117",
    "SL": "999",
    "LR": "911",
    "GM": "116",  # ambulance
    "CV": "130",  # ambulance
    "SH": "911",
    # Asia
    "HK": "999",
    "MO": "999",
    "SG": "995",  # ambulance
    "MY": "999",
    "BN": "991",  # ambulance
    "JP": "119",
    "KR": "119",
    "TW": "119",
    "CN": "120",  # ambulance
    "MN": "103",  # ambulance
    "IN": "112",
    "PK": "1122",
    "BD": "999",
    "AF": "102",  # ambulance
    "MV": "102",  # ambulance
    "MM": "199",
    "TH": "1669",  # ambulance
    "LA": "195",  # ambulance
    "KH": "119",  # ambulance
    "VN": "115",  # ambulance
    # Oceania
    "AU": "000",
    "NZ": "111",
    "PG": "111",  # St John Ambulance
    "FJ": "911",
    "SB": "999",
    "NC": "15",
    "PF": "15",
    "WF": "15",
    "WS": "911",
    "TO": "911",
    "TV": "911",
    "PW": "911",
    "FM": "911",
    "MH": "911",
    "KI": "994",
    "CK": "998",  # ambulance
    "NU": "999",
    "NF": "911",
}


def emergency_number_for(country: str) -> str:
    return EMERGENCY_NUMBERS.get((country or "").upper(), DEFAULT_EMERGENCY_NUMBER)
