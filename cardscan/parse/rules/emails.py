"""E-mail words: the team and role mailboxes cards print beside a person's address."""

# Team and role mailboxes printed beside the person's address ("hello@", "info@"): a local
# part one look-alike slip away from one is that word ("heilo@firma.com").
ROLE_MAILBOXES: tuple[str, ...] = (
    "info", "hello", "hallo", "office", "kontakt", "contact", "mail", "sales", "vertrieb",
    "service", "support", "team", "post", "buero", "empfang",
)  # fmt: skip
