"""Findings, re-inspections and commitments (告知承诺/容缺), and the photos of findings."""
