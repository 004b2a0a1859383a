"""Text for the hub and sync codes (``hub.*``, ``sync.*``): the hub answers the English text, the laptop shows
the Chinese one."""

from __future__ import annotations

from acceptance_app.i18n import N_

ERRORS = {
    "hub.unauthorized": N_("The hub refused the token (unknown, missing, revoked or expired); ask the hub's "
                           "administrator for a new one and log in again with sync login"),
    "hub.forbidden_role": N_("A {role} account cannot do this; it needs the {needed} role"),
    "hub.role_cannot_push": N_("A {role} account cannot push packages"),
    "hub.wrong_department": N_("The package was made by department {sent}, but the account belongs to {account}"),
    "hub.wrong_jurisdiction": N_(
        "The package's project is in region {sent}, outside the account's jurisdiction {account}"
    ),
    "hub.wrong_key": N_("The package is signed with another key than the one registered for account {account}"),
    "hub.key_registered": N_("Account {account} already has another device key registered on the hub"),
    "hub.foreign_results": N_(
        "The package carries {table} record {row} of discipline {discipline}, which department {department} "
        "may not change"
    ),
    "hub.owner_relabelled": N_(
        "The package carries {table} record {row} as discipline {sent}, but the hub holds it as {owner}: a "
        "package cannot move a record to another discipline; nothing was stored"
    ),
    "hub.registration_not_lead": N_(
        "Registration records come only from the lead department's accounts, not from {department}; nothing was "
        "stored"
    ),
    "hub.registration_document_missing": N_(
        "Registration record {index} names the opinion file \u201c{path}\u201d, which is not a document of this "
        "package with that hash; nothing was stored"
    ),
    "hub.registration_unverifiable": N_(
        "This hub cannot verify signed opinions, so it accepts no registration record (record {index}); nothing "
        "was stored"
    ),
    "hub.registration_not_signed": N_(
        "The opinion {path} of registration record {index} does not verify as fully signed and unchanged "
        "({problems}); nothing was stored"
    ),
    "hub.registration_mismatch": N_(
        "Registration record {index} says {field} \u201c{value}\u201d, which the signed opinion does not; nothing "
        "was stored"
    ),
    "hub.bad_token_days": N_("A token lives 0 (never expires) to 3650 days, not {value}"),
    "hub.no_such_account": N_("No hub account \u201c{name}\u201d (give its id or its name)"),
    "hub.account_ambiguous": N_("{count} accounts are named \u201c{name}\u201d: give the account's id"),
    "hub.upload_quota": N_("The account's unfinished uploads would exceed {limit} bytes; commit or drop one first"),
    "hub.records_too_large": N_("The package's payload/records.json is too large ({size} bytes)"),
    "hub.not_found": N_("No package or record {package_id} on the hub"),
    "hub.package_id_taken": N_("The hub already holds a different package under id {package_id}; nothing was stored"),
    "hub.package_id_mismatch": N_("The upload is for package {url}, but its manifest says {manifest}"),
    "hub.offset_mismatch": N_("The hub has {offset} bytes of this upload, the chunk was sent at {sent}"),
    "hub.already_committed": N_("Package {package_id} is already on the hub"),
    "hub.upload_mismatch": N_(
        "The upload of package {package_id} arrived damaged ({size} bytes, {expected} expected); it starts again"
    ),
    "hub.nothing_uploaded": N_("Nothing of package {package_id} was uploaded yet"),
    "hub.too_large": N_("The upload is larger than the hub accepts ({limit} bytes)"),
    "hub.bad_department": N_("Unknown department \u201c{value}\u201d"),
    "hub.bad_jurisdiction": N_("The jurisdiction must be a 6-digit region code, not \u201c{value}\u201d"),
    "hub.bad_role": N_("Unknown role \u201c{value}\u201d (inspector or registry)"),
    "hub.tls_pair": N_("Give both --tls-cert and --tls-key, or neither"),
    "hub.not_installed": N_(
        "The hub server is not part of the laptop app ({module} is missing): install it on the server with "
        "pip install \"acceptance_app[hub]\""
    ),
    "hub.tls_missing": N_("The TLS file {path} does not exist"),
    "sync.department_has_no_discipline": N_("Department {department} has no discipline of its own to send"),
    "sync.no_hub": N_("No hub is set: give --hub URL or run sync login first"),
    "sync.no_token": N_("No hub token in {path}: run sync login --hub URL --token T first"),
    "sync.unreachable": N_("The hub {url} cannot be reached ({detail}); the outbox keeps the package for later"),
    "sync.hub_error": N_("The hub answered {status} for {what}: {detail}"),
    "sync.receipt_mismatch": N_(
        "The hub's receipt for package {package_id} does not match the package sent ({what}); it is not counted "
        "as sent"
    ),
    "sync.download_mismatch": N_("The package {package_id} downloaded from the hub does not match its hash"),
    "sync.outbox_file_missing": N_("The outbox file {path} of package {package_id} is missing; it cannot be sent"),
    "sync.outbox_file_damaged": N_(
        "The outbox file {path} of package {package_id} has changed since it was queued; it is not sent"
    ),
    "sync.cancelled": N_("Sync was cancelled; what was confirmed stays confirmed, the rest is sent next time"),
}
