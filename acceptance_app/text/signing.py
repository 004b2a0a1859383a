"""Text for signing: identities, the signing service and providers, the CLI's signing options, and the issues a
verification reports (``reports.signing.verify.Issue`` codes, shown in the UI and the CLI, never printed in a
document)."""

from __future__ import annotations

from acceptance_app.i18n import N_

ERRORS = {
    "identity.expired": N_("The certificate of {person} expired on {not_after}; it cannot sign."),
    "identity.not_png": N_("The image is not a PNG file."),
    "identity.person_required": N_("The person's name is required (it is shown in the stamp)."),
    "signing.document_closed": N_("Document {number} is {state}; it cannot be signed. A correction is a new version."),
    "signing.identity_secret": N_("The signing identity of {person} could not be opened: the password or PIN is "
                                  "not correct. Type the identity's password or PIN and sign again."),
    "signing.file_changed": N_("The file of document {number} in the data folder was changed outside the program "
                               "(SHA-256 {actual}, recorded {expected}); signing refused."),
    "signing.pkcs12_unreadable": N_("The PKCS#12 file {path} cannot be opened: wrong password or not a PKCS#12 file."),
    "signing.pkcs11_failed": N_("The token could not be used ({module}, token \u201c{token}\u201d, key \u201c{key}\u201d): "
                                "{reason}"),
    "signing.no_such_field": N_("The document has no signature field \u201c{field}\u201d. Fields: {fields}."),
    "signing.field_signed": N_("Field \u201c{field}\u201d is already signed by {signer}."),
    "signing.lead_not_last": N_("The lead department signs last, because its signature locks the document. "
                                "Still unsigned: {fields}."),
    "signing.locked": N_("The document is locked by its final signature; it cannot be signed again. "
                         "A correction is a new version."),
    "cli.sign_needs_key": N_("Give either --pkcs12 FILE --password-file F, or --pkcs11-module LIB --token-label L "
                             "--key-label K --pin-file F."),
    "cli.sign_needs": N_("Missing {what}."),
    "cli.file_unreadable": N_("Cannot read {path}: {reason}"),
    "cli.cert_expired": N_("The signing certificate ({subject}) is valid from {not_before} to {not_after}; "
                           "it cannot sign now."),
    "signing.unreadable_pdf": N_("The file cannot be read as a signed PDF (damaged file or signature: {reason}); "
                                 "nothing was done."),
}

# Verification issues: a namespace of their own (``Issue.code``), not KnownErrors.
ISSUES = {
    "not_intact": N_("the signed bytes were changed after signing (integrity broken)"),
    "invalid": N_("the cryptographic signature is not valid"),
    "not_whole": N_("covers only part of the file: {after} byte(s) follow the revision it signed and are not "
                    "accounted for"),
    "modified": N_("the document was changed after this signature in a way not allowed ({level})"),
    "docmdp": N_("changes after this signature break the lock it set"),
    "expired": N_("the signer's certificate was not valid at the time of validation ({not_before} to {not_after})"),
    "untrusted": N_("the signer's certificate does not chain to a configured trust root ({issuer})"),
    "training": N_("training certificate (培训用): not trusted, for practice only"),
    "unsigned": N_("signature field \u201c{field}\u201d is not signed (if it had been signed, the signature was "
                   "removed)"),
    "appended": N_("{after} byte(s) after the last signed byte are not covered by any signature: the file was "
                   "changed after signing"),
    "field_added": N_("signature field \u201c{field}\u201d was added after the document was issued: a change, "
                      "not a signature"),
    "field_paints": N_("unsigned signature field \u201c{field}\u201d has an appearance that draws on the page: a "
                       "change, not a signature"),
    "no_signatures": N_("the file contains no signatures"),
    "unreadable": N_("the file cannot be read as a PDF: {reason}"),
    "record_file_changed": N_("the file differs from the one the record holds for document {number}"),
    "record_removed": N_("the record shows field \u201c{field}\u201d signed by {signer} at {when}, but this file "
                         "does not contain that signature"),
}

# pyHanko's ModificationLevel after a signature, as a reader understands it.
MODIFICATION_LABELS = {
    "NONE": N_("none"),
    "LTA_UPDATES": N_("validation data only"),
    "FORM_FILLING": N_("later signatures / form filling only"),
    "ANNOTATIONS": N_("annotations"),
    "OTHER": N_("other changes"),
}
