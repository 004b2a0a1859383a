"""Photos as evidence: import, listing, annotations, the renderings documents embed."""
