"""The visible stamp: name, department, time, with the handwritten signature and the department seal drawn
underneath as one background image, in the bundled font (pyHanko needs a single TTF, not a TTC)."""

from __future__ import annotations

import io
from functools import cache

from PIL import Image

from acceptance_app import locator

# The time is ours, in Beijing time: pyHanko's own %(ts)s is the signing machine's local zone (UTC on many
# laptops set up in English), and a signature block must agree with every other time the app shows.
STAMP_TEXT = "签署人：%(signer_name)s\n部门：%(department)s\n时间：%(when)s\n%(note)s"
BACKGROUND_SIZE = (600, 240)  # pixels; the field is ~80 x 32 mm, 2.5 : 1


@cache
def _font_bytes() -> bytes:
    return locator.font_path(False).read_bytes()


@cache
def _font_factory():
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class InMemoryGlyphAccumulatorFactory(GlyphAccumulatorFactory):
        """pyHanko's factory opens the font file per signature and never closes it (a ResourceWarning, and a
        10 MB read each time); this one hands it the bytes read once."""

        def create_font_engine(self, writer, obj_stream=None):
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(_font_bytes()), font_size=self.font_size,
                                    obj_stream=obj_stream)

    return InMemoryGlyphAccumulatorFactory(str(locator.font_path(False)))


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


def stamp_style(handwriting_png: bytes | None, seal_png: bytes | None):
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


def training_seal_png(department_label: str, size: int = 300) -> bytes:
    """A plain red round seal marked 培训 for the demo: ring, star, the department name, 培训专用."""
    from PIL import ImageDraw, ImageFont

    red = (205, 20, 20, 235)
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((6, 6, size - 6, size - 6), outline=red, width=size // 30)
    centre = size / 2
    star = [(centre + r * _cos(a), centre * 0.9 + r * _sin(a))
            for i, a in enumerate(range(-90, 270, 36)) for r in [(size * 0.13) if i % 2 == 0 else (size * 0.05)]]
    draw.polygon(star, fill=red)
    name = department_label
    font_size = size // 8
    font = ImageFont.truetype(str(locator.font_path(True)), font_size)
    while draw.textlength(name, font=font) > size * 0.72 and font_size > 8:  # fit inside the ring
        font_size -= 2
        font = ImageFont.truetype(str(locator.font_path(True)), font_size)
    width = draw.textlength(name, font=font)
    draw.text((centre - width / 2, size * 0.58), name, font=font, fill=red)
    small = ImageFont.truetype(str(locator.font_path(True)), size // 12)
    note = "培训专用"
    draw.text((centre - draw.textlength(note, font=small) / 2, size * 0.18), note, font=small, fill=red)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _cos(degrees: float) -> float:
    import math

    return math.cos(math.radians(degrees))


def _sin(degrees: float) -> float:
    import math

    return math.sin(math.radians(degrees))


def training_handwriting_png(name: str) -> bytes:
    """A stand-in "handwritten" signature for the demo: the name in blue ink, slanted, on transparency."""
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype(str(locator.font_path(True)), 96)
    image = Image.new("RGBA", (120 * max(len(name), 2) + 40, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.text((20, 10), name, font=font, fill=(20, 30, 120, 255))
    draw.line([(20, 140), (image.width - 30, 120)], fill=(20, 30, 120, 255), width=5)
    image = image.transform(image.size, Image.Transform.AFFINE, (1, 0.25, -20, 0, 1, 0), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
