"""A certificate's subject in the window's words: "姓名：张伟；单位：…", not asn1crypto's "Common Name: 张伟, …"."""

from __future__ import annotations

from acceptance_app.i18n import N_, _

# asn1crypto's names of the subject's attributes (``Name.human_friendly``), as a reader here says them.
SUBJECT_LABELS = {
    "Common Name": N_("Person"),  # a signer's certificate names a person: 姓名, not the catalog's 名称 of "Name"
    "Organization": N_("Organization"),
    "Organizational Unit": N_("Department"),
    "Country": N_("Country"),
    "State/Province": N_("Province"),
    "Locality": N_("City"),
    "Serial Number": N_("Serial number"),
    "Email Address": N_("Email"),
}


def subject_text(subject: str) -> str:
    """"Common Name: 张伟, Organization: …" in the window's language."""
    parts = []
    for part in subject.split(", "):
        label, sep, value = part.partition(": ")
        parts.append(f"{_(SUBJECT_LABELS[label])}：{value}" if sep and label in SUBJECT_LABELS else part)
    return "；".join(parts)
