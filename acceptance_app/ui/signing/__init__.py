"""Signing and verifying documents: the sign dialog with its handwriting pad, and the verification report."""
