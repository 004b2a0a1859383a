"""Text for the photo codes: rejection reasons of an import, annotation rules, refused deletes."""

from __future__ import annotations

from acceptance_app.i18n import N_

RULES = {
    "annotation.not_a_list": N_("must be a list of shapes"),
    "annotation.kind": N_("shape {index}: unknown kind \u201c{kind}\u201d (arrow, ellipse, rectangle or text)"),
    "annotation.coordinate": N_("shape {index}: {key} must be a number between 0 and 1 of the picture"),
    "annotation.text": N_("shape {index}: the text must not be empty or longer than {max} characters"),
}

ERRORS = {
    "photo.unreadable_file": N_("{name}: the file cannot be read ({detail})"),
    "photo.empty": N_("{name}: the file is empty (0 bytes)"),
    "photo.not_an_image": N_("{name}: not an image file"),
    "photo.unsupported_format": N_("{name}: format {detail} is not accepted (JPEG, PNG, HEIC/HEIF or TIFF)"),
    "photo.truncated": N_("{name}: the image is truncated (the file is incomplete)"),
    "photo.damaged": N_("{name}: the image data is damaged ({detail})"),
    "photo.too_many_pixels": N_(
        "{name}: the picture has too many pixels (over {limit} million) and could be a decompression bomb"
    ),
    "photo.heif_unreadable": N_("{name}: the HEIC/HEIF photo cannot be decoded"),
    "photo.write_failed": N_("{name}: the photo could not be saved ({detail}); nothing was kept"),
    "unit.has_photos": N_("This unit has photos attached and cannot be deleted; photos are evidence."),
    "photo.linked": N_("This photo is attached to {count} record(s) and cannot be deleted; it is evidence."),
    }
