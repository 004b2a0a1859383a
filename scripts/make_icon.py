"""Draws the app icon (a building with a green check) into resources/icons/: a 256 px PNG for Qt and the Linux
.desktop entry, sized PNGs for the hicolor theme, and a multi-size .ico for the Windows executables and installer.
Run it again after changing the drawing: `python scripts/make_icon.py`."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZE = 1024  # drawn large, then scaled down with a good filter
BLUE, WINDOW, GREEN, WHITE = (31, 78, 140, 255), (214, 228, 245, 255), (34, 160, 84, 255), (255, 255, 255, 255)


def draw() -> Image.Image:
    s = SIZE / 64  # design grid of 64 units
    im = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle([2 * s, 2 * s, 62 * s, 62 * s], radius=12 * s, fill=WHITE, outline=BLUE, width=int(2 * s))
    d.rectangle([14 * s, 14 * s, 40 * s, 54 * s], fill=BLUE)  # the building
    for row in range(4):
        for col in range(3):
            x, y = 17 * s + col * 8 * s, 18 * s + row * 8 * s
            d.rectangle([x, y, x + 4.5 * s, y + 4.5 * s], fill=WINDOW)
    d.rectangle([8 * s, 54 * s, 56 * s, 57 * s], fill=BLUE)  # the ground
    d.ellipse([34 * s, 30 * s, 58 * s, 54 * s], fill=GREEN, outline=WHITE, width=int(2 * s))
    d.line([(39 * s, 42 * s), (44.5 * s, 47.5 * s), (53 * s, 36 * s)], fill=WHITE, width=int(3.5 * s), joint="curve")
    return im


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(OUT / "acceptance-app.png", optimize=True)
    for size in (48, 128):
        big.resize((size, size), Image.LANCZOS).save(OUT / f"acceptance-app-{size}.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(
        OUT / "acceptance-app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )


if __name__ == "__main__":
    main()
