"""Text for the exchange codes (``exchange.*``): package checks, merge, conflicts, keys.

Each message names the package entry, table, row or field it stopped at.
"""

from __future__ import annotations

from acceptance_app.i18n import N_

ERRORS = {
    "exchange.device_key_unreadable": N_("The device key {path} cannot be read ({detail}); nothing was sent."),
    "exchange.not_a_package": N_("{path} is not an exchange package (not a readable zip file: {detail})."),
    "exchange.unsafe_path": N_("The package entry \u201c{entry}\u201d has a path outside the package; refused."),
    "exchange.directory_entry": N_("The package holds the folder entry \u201c{entry}\u201d; a package holds files "
                                   "only; refused."),
    "exchange.symlink_entry": N_("The package entry \u201c{entry}\u201d is a symbolic link; refused."),
    "exchange.unexpected_entry": N_("The package holds \u201c{entry}\u201d, which its manifest does not list; "
                                    "refused."),
    "exchange.too_many_entries": N_("The package has {count} entries, more than the limit of {limit}; refused."),
    "exchange.duplicate_entry": N_("The package holds \u201c{entry}\u201d twice; refused."),
    "exchange.entry_too_large": N_("The package entry \u201c{entry}\u201d is {size} bytes, more than the limit "
                                   "of {limit}; refused."),
    "exchange.package_too_large": N_("The package unpacks to more than {limit} bytes; refused."),
    "exchange.suspicious_compression": N_("The package entry \u201c{entry}\u201d is compressed {ratio} times "
                                          "(a zip bomb?); refused."),
    "exchange.entry_missing": N_("The package lacks \u201c{entry}\u201d; refused."),
    "exchange.entry_size_mismatch": N_("The package entry \u201c{entry}\u201d is not the declared {size} bytes; "
                                       "refused."),
    "exchange.entry_corrupt": N_("The package entry \u201c{entry}\u201d is damaged ({detail}); refused."),
    "exchange.manifest_invalid": N_("The manifest field \u201c{field}\u201d is missing or wrong; refused."),
    "exchange.json_too_deep": N_("\u201c{entry}\u201d nests {depth} levels deep, more than the limit of {limit}; "
                                 "refused before reading it."),
    "exchange.malformed_json": N_("\u201c{entry}\u201d is not valid JSON ({detail}); refused."),
    "exchange.unknown_format": N_("\u201c{entry}\u201d is not an acceptance exchange manifest (format "
                                  "\u201c{found}\u201d); refused."),
    "exchange.unsupported_version": N_("The package is format version {version}; this program reads version "
                                       "{supported}. Install the newer program; nothing was changed."),
    "exchange.bad_signature": N_("The signature \u201c{entry}\u201d does not match the manifest: the package was "
                                 "changed after it was signed; refused."),
    "exchange.hash_mismatch": N_("The package entry \u201c{entry}\u201d does not match its SHA-256 in the manifest "
                                 "(expected {expected}, found {actual}); refused."),
    "exchange.records_malformed": N_("\u201c{entry}\u201d has an unknown or wrong part \u201c{detail}\u201d; "
                                     "refused."),
    "exchange.records_unknown_table": N_("The records hold an unknown table \u201c{table}\u201d; refused."),
    "exchange.records_bad_row": N_("Row {row} of table \u201c{table}\u201d is not a record; refused."),
    "exchange.records_unknown_column": N_("Row {row} of table \u201c{table}\u201d has an unknown column "
                                          "\u201c{column}\u201d; refused."),
    "exchange.records_missing_column": N_("Row {row} of table \u201c{table}\u201d lacks the column "
                                          "\u201c{column}\u201d; refused."),
    "exchange.records_bad_value": N_("Row {row} of table \u201c{table}\u201d: column \u201c{column}\u201d must be "
                                     "{expected}; refused."),
    "exchange.records_duplicate_row": N_("Table \u201c{table}\u201d holds the same record twice; refused."),
    "exchange.unknown_sender": N_("The package is signed by a key this data folder does not know ({inspector}, "
                                  "{department}, fingerprint {fingerprint}). Check the fingerprint with the "
                                  "sender, then import with --trust-new-key; nothing was changed."),
    "exchange.sender_not_trusted": N_("The key {fingerprint} of the package's sender is not trusted; nothing was "
                                      "changed."),
    "exchange.missing_parent": N_("Record {row} of table \u201c{table}\u201d refers to {column} {target}, which is "
                                  "neither in the package nor in this data folder; refused, nothing was changed."),
    "exchange.field_invalid": N_("Record {row} of table \u201c{table}\u201d has a value in \u201c{field}\u201d that "
                                 "breaks the field rule \u201c{rule}\u201d; refused, nothing was changed."),
    "exchange.owner_relabelled": N_("Record {row} of table \u201c{table}\u201d arrives with {column} "
                                    "\u201c{sent}\u201d, but it belongs to \u201c{local}\u201d here: a package "
                                    "cannot move a record to another discipline; refused, nothing was changed."),
    "exchange.out_of_scope": N_("Record {row} of table \u201c{table}\u201d does not belong to the project of the "
                                "package; refused."),
    "exchange.unsafe_document_path": N_("Document record {row} names the file \u201c{path}\u201d outside the "
                                        "documents folder; refused."),
    "exchange.document_file_clash": N_("The file {path} already exists with other content; the package's "
                                       "document is not written over it; refused, nothing was changed."),
    "exchange.file_missing": N_("The package has no file with SHA-256 {sha256} for record {row} of table "
                                "\u201c{table}\u201d; refused."),
    "exchange.photo_rejected": N_("The photo {sha256} in the package cannot be stored ({reason}); refused, "
                                  "nothing was changed."),
    "exchange.conflict_resolved": N_("Conflict {id} was already resolved ({resolution})."),
    "exchange.unknown_key": N_("No key with fingerprint or public key \u201c{key}\u201d has been seen in a "
                               "package."),

    "exchange.sender_department_changed": N_("The key {fingerprint} was trusted for department {was}, but this "
                                             "package claims {now}; refused, nothing was changed. Import with "
                                             "--trust-new-key only if the sender really moved."),
    "exchange.conflict_keep": N_("This conflict cannot be resolved by keeping \u201c{keep}\u201d: the local record "
                                 "holds the same key; keep the local version, or correct it by hand."),
    "sync_ui.sign_in": N_("This laptop is not signed in to the hub yet. Sign in with the hub's address and the "
                          "token the hub's administrator gave you, then send again."),
    "sync_ui.token_refused": N_("The hub did not accept the sign-in (the token is unknown or was withdrawn). "
                                "Sign in again with a valid token from the hub's administrator."),
    "sync_ui.tls": N_("No secure connection to the hub {host}: its certificate is not trusted or does not "
                      "belong to this address. Check that the address is exactly the one the administrator gave; "
                      "if it is, ask the administrator to check the hub's certificate."),
    "sync_ui.network": N_("The hub {host} cannot be reached: no network, or the hub is not running. Check the "
                          "network (or VPN) connection and try again."),
    "sync_ui.network_kept": N_("The hub {host} cannot be reached: no network, or the hub is not running. Nothing "
                               "is lost: the changes stay on this laptop and are sent when the hub can be "
                               "reached again."),
    "sync_ui.login_network": N_("Signing in failed: the hub {host} cannot be reached (no network, or the hub is "
                                "not running). Check the network and the address, then sign in again."),
}
