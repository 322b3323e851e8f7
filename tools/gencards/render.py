"""Draws the flat card with Pillow: fits the layout's text into its boxes, then paints it."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import segno
from PIL import Image, ImageDraw, ImageFont

from cardscan.model import Contact
from tools.gencards.content import CardContent
from tools.gencards.layout import SPLITS, Block, Column, Layout, Line, Seg, build_layout
from tools.gencards.style import PX_PER_MM, PX_PER_PT, CardStyle, Rgb, font, x_height_ratio


class DoesNotFit(Exception):
    """The card's text does not fit its layout at the smallest legible size."""


@dataclass(frozen=True)
class FlatCard:
    image: Image.Image  # RGB
    content: CardContent  # what was printed (optional items may have been dropped to fit)
    style: CardStyle  # as used (the layout may have fallen back to "left")
    lines: tuple[str, ...]  # printed text lines, reading order, logo and QR left out
    scale: float  # 1.0: the style's sizes; below: shrunk to fit
    contact_x_height: float  # px at 12 px/mm


def _font_path(seg: Seg, style: CardStyle) -> tuple[str, float]:
    fam = style.family
    if seg.role == "name":
        return (fam.bold if style.name_bold else fam.regular), style.name_pt
    if seg.role == "title":
        return (fam.light if style.title_light and fam.light else fam.regular), style.title_pt
    if seg.role == "org":
        return fam.bold, style.org_pt
    if seg.role == "label":
        return (fam.bold if style.label_bold else fam.regular), style.contact_pt
    return fam.regular, style.contact_pt


@dataclass(frozen=True)
class Sizes:
    """Scale of all text, and an extra factor for the big name and company lines."""

    scale: float
    head: float = 1.0


def _font(seg: Seg, style: CardStyle, sz: Sizes) -> ImageFont.FreeTypeFont:
    path, pt = _font_path(seg, style)
    factor = sz.scale * (sz.head if seg.role in ("name", "org") else 1.0)
    return font(path, max(6, round(pt * PX_PER_PT * factor)))


def _min_scale(style: CardStyle) -> float:
    """Smallest scale at which contact and title lines keep the style's x-height."""
    fam = style.family
    need = 0.0
    for path, pt in ((fam.regular, style.contact_pt), (fam.light or fam.regular, style.title_pt)):
        need = max(need, style.min_x_height / (pt * PX_PER_PT * x_height_ratio(path)))
    return need


@dataclass(frozen=True)
class _LineBox:
    line: Line
    width: float
    height: float
    ascent: float  # text baseline below the line top, when centred in the line
    tab_x: float


def _measure_block(block: Block, style: CardStyle, sz: Sizes) -> list[_LineBox]:
    tab_x = 0.0
    for line in block.lines:
        for i, seg in enumerate(line.segs):
            if seg.tab and i > 0:
                label = line.segs[i - 1]
                f = _font(label, style, sz)
                tab_x = max(tab_x, f.getlength(label.text) + 0.6 * f.size)
    boxes = []
    for line in block.lines:
        x, text_h, asc, graphic_h = 0.0, 0.0, 0.0, 0.0
        for seg in line.segs:
            if seg.kind != "text":
                size = _graphic_px(seg, sz)
                graphic_h = max(graphic_h, size)
                x += size
                continue
            f = _font(seg, style, sz)
            a, d = f.getmetrics()
            text_h, asc = max(text_h, (a + d) * style.spacing), max(asc, a)
            x = max(x, tab_x) if seg.tab else x
            x += f.getlength(seg.text)
        height = max(text_h, graphic_h * 1.08)
        boxes.append(
            _LineBox(line, x, height, (height - text_h) / 2 + asc * min(style.spacing, 1.05), tab_x)
        )
    return boxes


def _graphic_px(seg: Seg, sz: Sizes) -> float:
    return seg.size_mm * PX_PER_MM * (1.0 if seg.kind == "qr" else sz.scale * sz.head)


def _gap(scale: float) -> float:
    return 2.2 * PX_PER_MM * scale


def _block_height(boxes: list[_LineBox], block: Block, scale: float) -> float:
    return sum(b.height for b in boxes) + (_gap(scale) * 0.8 if block.rule_below else 0.0)


def _fits(col: Column, style: CardStyle, sz: Sizes) -> bool:
    x0, y0, x1, y1 = col.box
    total = 0.0
    blocks = col.blocks()
    for block in blocks:
        boxes = _measure_block(block, style, sz)
        if any(b.width > x1 - x0 + 1 for b in boxes):
            return False
        total += _block_height(boxes, block, sz.scale)
    total += _gap(sz.scale) * max(0, len(blocks) - 1)
    return total <= y1 - y0


def _fit(layout: Layout, style: CardStyle) -> Sizes:
    """The largest sizes that fit; name and company shrink further on their own if needed."""
    lowest = _min_scale(style)
    scale = 1.0
    while scale >= lowest - 1e-9:
        for head in (1.0, 0.9, 0.8, 0.7, 0.6):
            sz = Sizes(scale, head)
            if all(_fits(c, style, sz) for c in layout.columns):
                return sz
        scale -= 0.03
    raise DoesNotFit


def _color(key: str, style: CardStyle, on_accent: bool) -> Rgb:
    if on_accent:
        return style.accent if key == "accent_inv" else style.on_accent
    return {"ink": style.ink, "muted": style.muted, "accent": style.accent}.get(key, style.ink)


def _draw_logo(
    img: Image.Image,
    seg: Seg,
    style: CardStyle,
    xy: tuple[float, float],
    size: float,
    on_accent: bool,
) -> None:
    draw = ImageDraw.Draw(img)
    x, y = xy
    fill = style.on_accent if on_accent else style.accent
    text_fill = style.accent if on_accent else style.on_accent
    box = (x, y, x + size, y + size)
    shape = style.logo
    if shape == "circle":
        draw.ellipse(box, fill=fill)
    elif shape == "diamond":
        c = size / 2
        draw.polygon([(x + c, y), (x + size, y + c), (x + c, y + size), (x, y + c)], fill=fill)
    elif shape == "rounded":
        draw.rounded_rectangle(box, radius=size * 0.22, fill=fill)
    elif shape == "bars":
        for i in range(3):
            draw.rectangle(
                (x + i * size / 3, y + size * (0.5 - 0.25 * i), x + (i + 0.7) * size / 3, y + size),
                fill=fill,
            )
        return
    else:
        draw.rectangle(box, fill=fill)
    inner = 0.62 if shape == "diamond" else 0.8
    size_px = round(size * inner / max(1.6, len(seg.text) * 0.72))
    f = font(style.family.bold, max(6, size_px))
    draw.text((x + size / 2, y + size / 2), seg.text, font=f, fill=text_fill, anchor="mm")


def vcard_payload(contact: Contact) -> str:
    """A vCard 3.0 of the card's truth, as printed in its QR code."""

    def esc(v: str) -> str:
        return v.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")

    n = contact.name
    out = ["BEGIN:VCARD", "VERSION:3.0"]
    if n:
        parts = (n.family, n.given, "", n.prefix, n.suffix)
        out += ["N:" + ";".join(esc(p or "") for p in parts), "FN:" + esc(n.full)]
    org = [esc(contact.organization or "")] + (
        [esc(contact.department)] if contact.department else []
    )
    out.append("ORG:" + ";".join(org))
    if contact.title:
        out.append("TITLE:" + esc(contact.title))
    types = {"work": "WORK,VOICE", "mobile": "CELL", "fax": "WORK,FAX", "other": "VOICE"}
    out += [f"TEL;TYPE={types[p.type]}:{p.number}" for p in contact.phones]
    out += [f"EMAIL;TYPE=INTERNET:{e}" for e in contact.emails]
    out += [f"URL:{u}" for u in contact.urls]
    out += [f"X-SOCIALPROFILE;TYPE={p.network}:{p.url}" for p in contact.profiles]
    a = contact.address
    if a:
        parts2 = ("", "", a.street, a.city, a.region, a.postal_code, a.country)
        out.append("ADR;TYPE=WORK:" + ";".join(esc(p or "") for p in parts2))
    out.append("END:VCARD")
    return "\r\n".join(out) + "\r\n"


def _draw_qr(img: Image.Image, payload: str, xy: tuple[float, float], size: int) -> None:
    qr = segno.make(payload, error="m", micro=False)
    rows = np.array([list(r) for r in qr.matrix_iter(scale=1, border=2)], dtype=np.uint8)
    modules = Image.fromarray(np.where(rows > 0, 0, 255).astype(np.uint8))
    img.paste(
        modules.resize((size, size), Image.Resampling.NEAREST).convert("RGB"),
        (round(xy[0]), round(xy[1])),
    )


def _draw_column(img: Image.Image, col: Column, style: CardStyle, sz: Sizes, payload: str) -> None:
    scale = sz.scale
    draw = ImageDraw.Draw(img)
    x0, y0, x1, y1 = col.box
    measured = [(b, _measure_block(b, style, sz)) for b in col.blocks()]
    heights = [_block_height(m, b, scale) for b, m in measured]
    tops: list[float] = []
    y = float(y0)
    for h in heights[: len(col.top)]:
        tops.append(y)
        y += h + _gap(scale)
    top_end = y
    n_bottom = len(col.bottom)
    bottom_tops: list[float] = []
    y = float(y1)
    for h in reversed(heights[len(heights) - n_bottom :] if n_bottom else []):
        y -= h
        bottom_tops.insert(0, y)
        y -= _gap(scale)
    bottom_start = y
    mid_h = heights[len(col.top) : len(heights) - n_bottom]
    need = sum(mid_h) + _gap(scale) * max(0, len(mid_h) - 1)
    y = max(top_end, min((y0 + y1 - need) / 2, bottom_start - need))
    for h in mid_h:
        tops.append(y)
        y += h + _gap(scale)
    tops += bottom_tops
    for (block, boxes), top in zip(measured, tops, strict=True):
        y = top
        for lb in boxes:
            if col.align == "left":
                x = float(x0)
            elif col.align == "right":
                x = x1 - lb.width
            else:
                x = x0 + (x1 - x0 - lb.width) / 2
            start = x
            for seg in lb.line.segs:
                if seg.kind != "text":
                    size = _graphic_px(seg, sz)
                    gy = y + (lb.height - size) / 2
                    if seg.kind == "qr":
                        _draw_qr(img, payload, (x, gy), round(size))
                    else:
                        _draw_logo(img, seg, style, (x, gy), size, col.on_accent)
                    x += size
                    continue
                f = _font(seg, style, sz)
                if seg.tab:
                    x = max(x, start + lb.tab_x)
                draw.text(
                    (x, y + lb.ascent),
                    seg.text,
                    font=f,
                    anchor="ls",
                    fill=_color(seg.color, style, col.on_accent),
                )
                x += f.getlength(seg.text)
            y += lb.height
        if block.rule_below and boxes:  # (a company's card may have no name block)
            width = max(2, round(0.25 * PX_PER_MM))
            ry = y + _gap(scale) * 0.4
            rx0 = x0 if col.align != "right" else x1 - boxes[0].width
            rx1 = rx0 + boxes[0].width if col.align != "center" else x1
            if col.align == "center":
                rx0, rx1 = x0 + (x1 - x0) * 0.3, x0 + (x1 - x0) * 0.7
            draw.line((rx0, ry, rx1, ry), fill=style.accent, width=width)


Attempt = tuple[CardContent, CardStyle, float | None]


def _attempts(content: CardContent, style: CardStyle) -> list[Attempt]:
    """What to try, in order: as drawn (moving a column split); the roomy "left" layout;
    fewer optional items; no QR code; and last a slightly smaller minimum text size."""
    tries: list[Attempt] = [(content, style, s) for s in SPLITS.get(style.layout, (None,))]
    roomy = replace(style, layout="left")
    tries.append((content, roomy, None))
    for st in (roomy, replace(roomy, qr=False), replace(roomy, qr=False, min_x_height=10.0)):
        current = content.shrink()
        while current is not None:
            tries.append((current, st, None))
            current = current.shrink()
    return tries


def render_flat(content: CardContent, style: CardStyle) -> FlatCard:
    """Fits and draws the card, dropping optional items (profile, 2nd e-mail...) if needed."""
    for current, st, split in _attempts(content, style):
        layout = build_layout(current, st, split)
        try:
            sz = _fit(layout, st)
        except DoesNotFit:
            continue
        img = Image.new("RGB", st.size_px, st.bg)
        draw = ImageDraw.Draw(img)
        if layout.band:
            draw.rectangle(layout.band, fill=st.accent)
        if layout.bar:
            draw.rectangle(layout.bar, fill=st.accent)
        if layout.vrule_x is not None:
            m = round(st.margin_mm * PX_PER_MM)
            draw.line(
                (layout.vrule_x, m, layout.vrule_x, st.size_px[1] - m), fill=st.muted, width=2
            )
        payload = vcard_payload(current.to_contact("")) if st.qr else ""
        for col in layout.columns:
            _draw_column(img, col, st, sz, payload)
        lines = tuple(
            ln.text for c in layout.columns for b in c.blocks() for ln in b.lines if ln.text
        )
        path, pt = _font_path(Seg("", "contact"), st)
        xh = pt * PX_PER_PT * sz.scale * x_height_ratio(path)
        return FlatCard(img, current, st, lines, round(sz.scale, 3), round(xh, 1))
    raise DoesNotFit("card text does not fit even with all optional items dropped")
