"""Write cardscan/parse/data/given_names.txt: first names common somewhere in the world.

    pip install names-dataset && python -m tools.given_names

The parser uses the list to tell a person's name from a shop's or a company's on cards that
name no person ("Auto Peças Domínio", "Estética Automotiva"): a line whose words hold no known
first name needs other evidence (an e-mail that spells it, a title beside it) to be a name.

Source: names-dataset 3.3 (MIT, philipperemy/name-dataset), first names with their rank in
106 countries, from public social-network profiles. A name is kept when it is among the
``--rank`` most common first names of at least one country and written in Latin letters;
the list holds no family names and nothing that ties a name to a person.
The generated file is committed; this script only runs when the list is renewed.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import pickle
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "cardscan" / "parse" / "data" / "given_names.txt"
_WORD = re.compile(r"[^\W\d_]{2,}(?:[-'][^\W\d_]{2,})?")


def _latin(name: str) -> bool:
    return all(ch in "-'" or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rank", type=int, default=1000, help="keep names up to this rank")
    args = ap.parse_args()
    spec = importlib.util.find_spec("names_dataset")  # only its data file: no import needed
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("names-dataset is not installed: pip install names-dataset")
    data_file = Path(spec.submodule_search_locations[0]) / "v3" / "first_names.pkl.gz"
    with gzip.open(data_file) as stream:
        names: dict[str, dict[str, dict[str, int]]] = pickle.load(stream)
    kept = sorted(
        {
            name.lower()
            for name, info in names.items()
            if info.get("rank")
            and min(info["rank"].values()) <= args.rank
            and _WORD.fullmatch(name)
            and _latin(name)
        }
    )
    header = (
        f"# First names among the {args.rank} most common of at least one country, from\n"
        "# names-dataset 3.3 (MIT). Made by tools/given_names.py; do not edit by hand.\n"
    )
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main()
