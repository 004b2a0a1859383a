"""The visible stamp: name, department, time, with the handwritten signature and the department seal drawn
underneath as one background image, in the bundled font (pyHanko needs a single TTF, not a TTC)."""

from __future__ import annotations

import io
from functools import cache

from PIL import Image

from acceptance_app import locator

STAMP_TEXT = "签署人：%(signer_name)s\n部门：%(department)s\n时间：%(ts)s\n%(note)s"
BACKGROUND_SIZE = (600, 240)  # pixels; the field is ~80 x 32 mm, 2.5 : 1


@cache
def _font_factory():  # type: ignore[no-untyped-def]
    # Loading the 10 MB font costs ~0.1 s; the factory makes a fresh subset per signature.
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

    return GlyphAccumulatorFactory(str(locator.font_path(False)))


def compose_background(handwriting_png: bytes | None, seal_png: bytes | None) -> Image.Image | None:
    """Handwriting right of the text column, the seal overlapping it at the right edge, as ink on paper."""
    if handwriting_png is None and seal_png is None:
        return None
    width, height = BACKGROUND_SIZE
    canvas = Image.new("RGBA", BACKGROUND_SIZE, (255, 255, 255, 0))
    if handwriting_png is not None:
        hand = Image.open(io.BytesIO(handwriting_png)).convert("RGBA")
        hand.thumbnail((width * 2 // 5, height - 30))
        canvas.alpha_composite(hand, (width * 11 // 20, (height - hand.height) // 2))
    if seal_png is not None:
        seal = Image.open(io.BytesIO(seal_png)).convert("RGBA")
        seal.thumbnail((height - 10, height - 10))
        canvas.alpha_composite(seal, (width - seal.width - 5, (height - seal.height) // 2))
    return canvas


def stamp_style(handwriting_png: bytes | None, seal_png: bytes | None):  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils import images, layout
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    background = compose_background(handwriting_png, seal_png)
    return TextStampStyle(
        stamp_text=STAMP_TEXT,
        text_box_style=TextBoxStyle(font=_font_factory(), font_size=7, leading=9),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(left=4)),
        background=images.PdfImage(background) if background is not None else None,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MAX, y_align=layout.AxisAlignment.ALIGN_MID,
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT),
        background_opacity=1.0,
        border_width=0,
        timestamp_format="%Y-%m-%d %H:%M:%S %Z",
    )
