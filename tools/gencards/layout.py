"""Card layouts: where the name, company and contact lines go (boxes of stacked text blocks)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tools.gencards.content import CardContent, Printed
from tools.gencards.style import PX_PER_MM, CardStyle


@dataclass(frozen=True)
class Seg:
    """A run of text in one role and colour; ``kind`` "logo"/"qr" are square graphics."""

    text: str
    role: str  # "name", "title", "org", "contact", "label"
    color: str = "ink"  # "ink", "muted", "accent", "on_accent"
    kind: str = "text"
    tab: bool = False  # starts at the block's tab stop (values after a label column)
    size_mm: float = 0.0  # graphics only


@dataclass(frozen=True)
class Line:
    segs: tuple[Seg, ...]

    @property
    def text(self) -> str:
        return (
            "".join(s.text if not s.tab else " " + s.text for s in self.segs if s.kind == "text")
            .strip()
            .replace("  ", " ")
        )


@dataclass(frozen=True)
class Block:
    lines: tuple[Line, ...]
    rule_below: bool = False


@dataclass
class Column:
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in card pixels
    align: str  # "left", "center", "right"
    top: list[Block] = field(default_factory=list)
    middle: list[Block] = field(default_factory=list)
    bottom: list[Block] = field(default_factory=list)
    on_accent: bool = False  # inside the coloured band: ink -> on_accent

    def blocks(self) -> list[Block]:
        return [*self.top, *self.middle, *self.bottom]


@dataclass
class Layout:
    columns: list[Column]
    band: tuple[int, int, int, int] | None = None
    vrule_x: int | None = None
    bar: tuple[int, int, int, int] | None = None


def _label_seg(p: Printed, content: CardContent, style: CardStyle, tabbed: bool) -> Seg | None:
    if not p.label:
        return None
    colon = ":" if content.label_colon and not p.label.endswith(":") else ""
    text = p.label + colon + ("" if tabbed else " ")
    return Seg(text, "label", "accent" if style.label_accent else "ink")


def _item(p: Printed, content: CardContent, style: CardStyle, tabbed: bool) -> list[Seg]:
    label = _label_seg(p, content, style, tabbed)
    value = Seg(p.text, "contact", tab=tabbed and label is not None)
    return [label, value] if label else [value]


def contact_blocks(content: CardContent, style: CardStyle, *, compact: bool) -> list[Block]:
    """Phones / e-mail / web / profiles as one block and the address as another."""
    tabbed = style.tabs and not compact and style.layout not in ("centered", "right")
    sep = Seg("  ·  ", "contact", "accent")
    lines: list[Line] = []
    phones = [_item(p, content, style, tabbed) for p, _ in content.phones]
    narrow = style.layout in ("two_column", "band")
    if (compact or (style.compact_phones and not narrow)) and len(phones) > 1:
        tabbed = False
        phones = [_item(p, content, style, False) for p, _ in content.phones]
        lines.append(Line((*phones[0], sep, *phones[1])))
        phones = phones[2:]
    lines.extend(Line(tuple(segs)) for segs in phones)
    web = [_item(e, content, style, tabbed) for e in content.emails]
    if content.url:
        web.append(_item(content.url[0], content, style, tabbed))
    if compact and len(web) >= 2:
        lines.append(Line((*web[0], sep, *web[1])))
        web = web[2:]
    lines.extend(Line(tuple(segs)) for segs in web)
    lines.extend(Line(tuple(_item(p, content, style, tabbed))) for p, _ in content.profiles)
    address = Block(tuple(Line((Seg(t, "contact"),)) for t in content.printed_address()))
    reach = Block(tuple(lines))
    return [address, reach] if style.address_first else [reach, address]


def name_block(content: CardContent, style: CardStyle) -> Block:
    lines = [Line((Seg(content.printed_name(), "name"),))] if content.name else []
    if content.title:
        lines.append(Line((Seg(content.title, "title", "muted"),)))
    if content.department:
        lines.append(Line((Seg(content.department, "title", "muted"),)))
    return Block(tuple(lines), rule_below=style.rule)


def org_block(
    content: CardContent, style: CardStyle, *, logo_line: bool = False, logo_last: bool = False
) -> Block:
    org = Seg(content.organization, "org", "accent" if not style.dark else "ink")
    if style.logo is None:
        return Block((Line((org,)),))
    logo = Seg(content.logo_text, "org", kind="logo", size_mm=style.org_pt * 0.5)
    if logo_line:
        return Block((Line((logo,)), Line((org,))))
    gap = Seg("  ", "org")
    return Block((Line((org, gap, logo) if logo_last else (logo, gap, org)),))


def _qr_block(style: CardStyle) -> Block:
    return Block((Line((Seg("", "contact", kind="qr", size_mm=style.qr_mm),)),))


#: Where two-column layouts split the card (fraction of the text width), tried in this order.
SPLITS = {"two_column": (0.4, 0.33, 0.48, 0.56), "band": (0.38, 0.3, 0.46, 0.54)}


def build_layout(content: CardContent, style: CardStyle, split_frac: float | None = None) -> Layout:
    """The columns of the card; ``split_frac`` moves the split of two-column layouts."""
    w, h = style.size_px
    m = round(style.margin_mm * PX_PER_MM)
    gap = round(4 * PX_PER_MM)
    name = name_block(content, style)
    qr_px = round(style.qr_mm * PX_PER_MM)
    kind = style.layout
    if kind in ("left", "right"):
        x0 = m + (round(2 * PX_PER_MM) if style.accent_bar and kind == "left" else 0)
        side_qr = style.qr and not style.portrait  # portrait cards put it under the text
        x1 = w - m - (qr_px + gap if side_qr else 0)
        main = Column(
            (x0, m, x1, h - m), kind, bottom=contact_blocks(content, style, compact=False)
        )
        main.top = [org_block(content, style, logo_last=kind == "right"), name]
        if style.qr and not side_qr:
            main.bottom.append(_qr_block(style))
        cols = [main]
        if side_qr:
            cols.append(Column((x1 + gap, m, w - m, h - m), "right", bottom=[_qr_block(style)]))
        bar = (0, 0, round(2.5 * PX_PER_MM), h) if style.accent_bar and kind == "left" else None
        return Layout(cols, bar=bar)
    if kind == "centered":
        col = Column(
            (m, m, w - m, h - m),
            "center",
            top=[org_block(content, style, logo_line=True)],
            middle=[name],
            bottom=contact_blocks(content, style, compact=True),
        )
        return Layout([col])
    if kind == "two_column":
        split = m + round((w - 2 * m) * (split_frac or SPLITS[kind][0]))
        left = Column((m, m, split - gap // 2, h - m), "left")
        if style.qr:
            left.top, left.bottom = [org_block(content, style), name], [_qr_block(style)]
        else:
            left.top, left.bottom = [name], [org_block(content, style)]
        reach, address = contact_blocks(content, style, compact=False)
        right = Column((split + gap // 2, m, w - m, h - m), "left", top=[reach], bottom=[address])
        return Layout([left, right], vrule_x=split)
    # "band": company in a coloured band across the top, person and contacts below
    band_h = round(h * 0.27)
    band_col = Column(
        (m, m // 2, w - m, band_h - m // 2),
        "left",
        middle=[org_block(content, style)],
        on_accent=True,
    )
    split = m + round((w - 2 * m) * (split_frac or SPLITS["band"][0]))
    below = band_h + round(m * 0.7)
    blocks = contact_blocks(content, style, compact=False)
    address, reach = blocks if style.address_first else blocks[::-1]
    left = Column((m, below, split - gap // 2, h - m), "left", top=[name])
    right = Column((split + gap // 2, below, w - m, h - m), "left", bottom=[reach])
    if content.address_sep:  # a one-line address needs the wide column
        right.bottom = blocks
    else:
        left.bottom = [address]
    return Layout([band_col, left, right], band=(0, 0, w, band_h))
