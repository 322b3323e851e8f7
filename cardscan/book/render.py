"""Plain-text views of the book for `who` and `book show/list` (no click, no printing)."""

from __future__ import annotations

from cardscan.book.codec import address_text
from cardscan.book.links import search_links
from cardscan.book.records import BookEntry, Change, Encounter, SaveOutcome

_LABELS = {
    "title": "Title",
    "organization": "Company",
    "department": "Department",
    "phones": "Phone",
    "emails": "E-mail",
    "address": "Address",
}
_NETWORK_LABELS = {"linkedin": "LinkedIn", "xing": "Xing", "web": "Web profile"}


def history_note(changes: list[Change]) -> str:
    """ " (since 2026-09-14, before: Vertriebsleiterin; 2025-01-10: Referentin)" or ""."""
    if not changes:
        return ""
    latest = changes[-1]
    befores = [f"before: {latest.old_value or '(none)'}"]
    for older in reversed(changes[:-1]):
        befores.append(f"until {older.changed_on.isoformat()}: {older.old_value or '(none)'}")
    return f" (since {latest.changed_on.isoformat()}, {'; '.join(befores)})"


def who_line(entry: BookEntry) -> str:
    """ "Martina Müller (Beispiel GmbH)": whom a question or message is about."""
    c = entry.contact
    name = c.display_name() or "(no name)"
    return f"{name} ({c.organization})" if c.organization and c.organization != name else name


def render_card(entry: BookEntry) -> str:
    """A short card: who, how to reach them, profile links, and every encounter."""
    c = entry.contact
    lines = [f"#{entry.id}  {c.display_name() or '(no name)'}"]

    def field(name: str, value: str | None) -> None:
        if value:
            lines.append(f"    {_LABELS[name]}: {value}{history_note(entry.history_of(name))}")

    field("title", c.title)
    field("organization", c.organization)
    field("department", c.department)
    phones = ", ".join(
        f"{p.number}{' ext. ' + p.extension if p.extension else ''} ({p.type})" for p in c.phones
    )
    field("phones", phones)
    field("emails", ", ".join(c.emails))
    field("address", address_text(c.address))
    lines += [f"    Web: {url}" for url in c.urls]
    for p in c.profiles:
        lines.append(f"    {_NETWORK_LABELS.get(p.network, p.network.title())}: {p.url}")
    if not c.profiles:
        for label, url in search_links(c):
            lines.append(f"    {label} search (a search, not their profile): {url}")
    if entry.encounters:
        lines.append("    Met:")
        lines += [f"      {encounter_line(e)}" for e in entry.encounters]
    if entry.has_image:
        lines.append("    Card photo: stored in the book")
    return "\n".join(lines)


def encounter_line(e: Encounter) -> str:
    """ "2026-09-14  Hannover Messe: talked about OCR [tags: ai, lead] (follow up by 2026-10-01)"."""
    text = f"{e.met_on.isoformat()}  {e.event or '(no event)'}"
    if e.notes:
        text += f": {e.notes}"
    if e.tags:
        text += f" [tags: {', '.join(e.tags)}]"
    if e.follow_up_by:
        text += f" (follow up by {e.follow_up_by.isoformat()})"
    return text


_COLUMNS = (("ID", 5), ("Name", 26), ("Company", 24), ("Last met", 10), ("Event", 22))


def render_table(entries: list[BookEntry]) -> str:
    """One line per contact for ``book list``."""
    header = "  ".join(h.ljust(w) for h, w in _COLUMNS) + "  Follow up"
    lines = [header, "-" * len(header)]
    for entry in entries:
        last = entry.encounters[-1] if entry.encounters else None
        cells = [
            str(entry.id),
            entry.contact.display_name(),
            entry.contact.organization or "",
            last.met_on.isoformat() if last else "",
            (last.event or "") if last else "",
        ]
        follow = ", ".join(d.isoformat() for d in entry.follow_ups())
        row = "  ".join(_cut(v, w).ljust(w) for v, (_, w) in zip(cells, _COLUMNS, strict=True))
        lines.append(f"{row}  {follow}".rstrip())
    return "\n".join(lines)


def save_message(outcome: SaveOutcome, name: str) -> str:
    """ "Saved Martina Müller as #3 (new)" or "... #3: encounter added (matched by e-mail)"."""
    if outcome.created:
        return f"Saved {name} as #{outcome.contact_id} (new contact)"
    how = (outcome.matched_by or "").replace("email", "e-mail")
    text = f"Saved {name}: encounter added to #{outcome.contact_id} (same {how})"
    for change in outcome.changes:
        label = _LABELS[change.field].lower()
        text += (
            f"\n  {label} changed: {change.old_value or '(none)'} -> {change.new_value or '(none)'}"
        )
    return text


def note_text(entry: BookEntry) -> str:
    """The vCard NOTE: every encounter on one line each (tags too: the writer has no CATEGORIES)."""
    return "\n".join(f"Met {encounter_line(e)}" for e in entry.encounters)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
