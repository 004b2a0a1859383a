"""Signing: signing identities, signing a document's fields, verifying its signatures."""
