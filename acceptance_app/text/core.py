"""Text for the codes of the core: field labels, validation rules of projects/parties/units, the database."""

from __future__ import annotations

from acceptance_app.i18n import N_

FIELD_LABELS = {
    "name": N_("Name"),
    "project_code": N_("Project code"),
    "engineering_code": N_("Engineering code"),
    "region_code": N_("Region code"),
    "land_use_area": N_("Land area"),
    "uscc": N_("Unified social credit code"),
    "unit_code": N_("Building code"),
    "real_estate_unit_code": N_("Real estate unit code"),
    "building_no": N_("Building number"),
    "location": N_("Location"),
    "planning_permit_no": N_("Planning permit number"),
    "construction_permit_no": N_("Construction permit number"),
    "contact_person": N_("Contact person"),
    "phone": N_("Phone"),
    "area_above": N_("Area above ground"),
    "area_below": N_("Area below ground"),
    "storeys_above": N_("Storeys above ground"),
    "storeys_below": N_("Storeys below ground"),
    "height": N_("Building height"),
}

RULES = {
    "required": N_("is required"),
    "too_long": N_("is longer than {max} characters"),
    "number.positive": N_("must be greater than zero"),
    "number.non_negative": N_("must not be negative"),
    "number.implausible": N_("value {value} is implausible"),
    "number.not_a_number": N_("\u201c{value}\u201d is not a number"),
    "number.not_finite": N_("\u201c{value}\u201d is not a finite number"),
    "number.too_large": N_("{value} is larger than the largest plausible value {max}"),
    "number.too_small": N_("is smaller than {min}"),
    "text.not_text": N_("is not text"),
    "text.bad_character": N_("character {position} ({code}) is a control character or not valid text"),
    "number.not_an_integer": N_("\u201c{value}\u201d is not a whole number"),
    "region_code.pattern": N_("must be a 6-digit GB/T 2260 region code, not \u201c{value}\u201d"),
    "uscc.empty": N_("is required"),
    "uscc.length": N_("must have 18 characters, it has {length}"),
    "uscc.charset": N_(
        "character \u201c{char}\u201d at position {position} is not allowed (I, O, S, V, Z and symbols never occur)"
    ),
    "uscc.region": N_("positions 3-8 must be the registering authority's region code, not \u201c{region}\u201d"),
    "uscc.check_char": N_("check character is wrong: the 18th character should be {expected}, not {actual}"),
    "uscc.org_check": N_(
        "the organization code inside it is wrong: the 17th character should be {expected}, not {actual}"
    ),
    "uscc.registration_department": N_("first character \u201c{char}\u201d is not a known registration department"),
    "bdc.empty": N_("is required"),
    "bdc.length": N_("must have 28 characters, it has {length}"),
    "bdc.region": N_("positions 1-6 must be the county region code, not \u201c{segment}\u201d"),
    "bdc.cadastral_zone": N_("positions 7-9 (cadastral zone) must be digits, not \u201c{segment}\u201d"),
    "bdc.cadastral_subzone": N_("positions 10-12 (cadastral subzone) must be digits, not \u201c{segment}\u201d"),
    "bdc.parcel_feature": N_(
        "positions 13-14 (parcel feature code) must be G/J/Z followed by a right type letter, not \u201c{segment}\u201d"
    ),
    "bdc.parcel_number": N_("positions 15-19 (parcel number) must be 00001-99999, not \u201c{segment}\u201d"),
    "bdc.fixture_feature": N_("position 20 (fixture code) must be F, L, Q or W, not \u201c{segment}\u201d"),
    "bdc.fixture_number": N_("positions 21-28 (fixture unit number) are wrong: \u201c{segment}\u201d"),
    "bdc.building_mismatch": N_("contains building {in_code}, but the building number is {building_no}"),
    "project_code.empty": N_("is required"),
    "project_code.pattern": N_("must look like 2023-370102-47-01-123456, not \u201c{value}\u201d"),
    "project_code.year": N_("year {year} is not plausible (project codes exist from {first} to {last})"),
    "project_code.region": N_("region {region} is not a GB/T 2260 province code"),
    "project_code.other_province": N_("region {region} is outside Shandong; check it is right"),
    "unit_code.pattern": N_("may hold only digits, capital letters, * and -, 4 to 40 characters"),
    "unit.below_ground_area_missing": N_("storeys below ground are given but no area below ground"),
}

ERRORS = {
    "cli.argument_not_utf8": N_("Argument {position} (\u201c{text}\u201d) is not valid UTF-8 text and names no "
                                "existing file; nothing was done."),
    "validation.failed": N_("{count} field(s) are not valid"),
    "not_found": N_("Record not found ({what} {key})"),
    "unit.has_inspections": N_("This unit has inspections and cannot be deleted; inspections are evidence."),
    "db.schema_too_new": N_(
        "This data folder was written by a newer version of the program (database version {revision}). "
        "Install the newer version to open it; nothing was changed."
    ),
    "db.unreadable": N_("The database {path} cannot be read: {reason}"),
    "actor.missing": N_(
        "Nobody is named for this record: set the inspector (name, department, inspector id) in Settings, "
        "or give --actor NAME on the command line. Nothing was saved."
    ),
}
