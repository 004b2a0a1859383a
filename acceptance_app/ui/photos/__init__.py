"""The photo evidence UI: thumbnail grid with drag-and-drop import, and the viewer with annotations."""
