"""PDF signing and verification (PAdES baseline with pyHanko). No Qt, no database.

- ``providers``: where the private key lives (PKCS#12 file, PKCS#11 token) behind one small interface, so an
  SM2 / GB/T 38540 e-seal provider can be added later without touching the callers.
- ``fields``: every signature field is added before anyone signs (a field added after a certification
  signature is reported against it as a suspicious modification).
- ``pades``: one incremental signature with a visible stamp; the lead's field locks the document.
- ``verify``: per-signature report (integrity, coverage, changes after it, trust).
- ``certificates``: reading certificates, fingerprints, the training CA for the demo.
"""
