"""The package's import arrows point down, and every module imports on its own.

LAYERS below is the order a reader meets the code in, bottom first: a module may import its
own package and anything of a lower layer, never a sibling of its own layer nor anything
above it. A new package must be placed in the table; an upward import or a cycle fails here.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import cardscan

ROOT = Path(cardscan.__file__).parent

#: (rank, package or module): lower ranks are imported by higher ones, never the other way.
LAYERS: tuple[tuple[int, str], ...] = (
    (0, "cardscan"),  # the package itself: its version
    (0, "cardscan.errors"),  # standard library only
    (0, "cardscan.options"),
    (0, "cardscan.text"),
    (1, "cardscan.model"),
    (2, "cardscan.labels"),  # label words: the OCR's line builder and the parser read them
    (2, "cardscan.files"),  # safe output files
    (3, "cardscan.imaging"),  # the stages, each on its own
    (3, "cardscan.ocr"),
    (3, "cardscan.parse"),
    (3, "cardscan.export"),
    (3, "cardscan.carddav"),
    (4, "cardscan.reread"),  # second readings: OCR of crops, judged by the parser's rules
    (4, "cardscan.qr"),
    (4, "cardscan.book"),
    (5, "cardscan.pipeline"),  # the stages in order, the batch
    (6, "cardscan.review"),  # the applications
    (7, "cardscan.cli"),
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _unit(module: str) -> tuple[int, str]:
    """The layer entry a module belongs to (the longest name that is a prefix of it)."""
    best = max(
        (entry for entry in LAYERS if module == entry[1] or module.startswith(entry[1] + ".")),
        key=lambda entry: len(entry[1]),
    )
    return best


def _imports(module: str) -> set[str]:
    """The cardscan modules ``module`` imports (at its top or inside a function)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            # "from cardscan.pipeline import batch": the submodule, when there is one
            names = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names
            ]
        else:
            continue
        found |= {n for n in names if n in MODULES and n != module}
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def test_every_module_has_a_layer():
    assert all(_unit(m) for m in MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module):
    rank, unit = _unit(module)
    upward = sorted(
        f"{target} ({_unit(target)[1]}, layer {_unit(target)[0]})"
        for target in GRAPH[module]
        if _unit(target)[1] != unit and _unit(target)[0] >= rank
    )
    assert not upward, f"{module} (layer {rank}) imports what is not below it: {upward}"


def test_no_import_cycles():
    """Within a package too: a cycle makes the import order decide what works."""
    state: dict[str, int] = {}  # 1 on the path, 2 done
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(MODULES):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_check_sees_an_upward_import_and_a_cycle(monkeypatch):
    """The checks above can fail: an invented upward import and cycle are caught."""
    graph = {m: set(t) for m, t in GRAPH.items()}
    graph["cardscan.parse.names"].add("cardscan.pipeline.scanner")
    rank, unit = _unit("cardscan.parse.names")
    assert any(_unit(t)[0] >= rank and _unit(t)[1] != unit for t in graph["cardscan.parse.names"])
    graph["cardscan.parse.lines"].add("cardscan.parse.contact")  # contact imports lines
    monkeypatch.setattr(sys.modules[__name__], "GRAPH", graph)
    with pytest.raises(AssertionError, match=r"parse\.lines"):
        test_no_import_cycles()


def test_each_module_imports_alone():
    """Every module imported first, in a fresh state of the cardscan package: a cycle that
    only bites in one import order shows here."""
    script = (
        "import importlib, sys, traceback\n"
        "failed = []\n"
        "for name in sys.argv[1:]:\n"
        "    for loaded in [m for m in sys.modules if m.split('.')[0] == 'cardscan']:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception:\n"
        "        failed.append(name + ': ' + traceback.format_exc().splitlines()[-1])\n"
        "print('\\n'.join(failed))\n"
        "sys.exit(1 if failed else 0)\n"
    )
    names = [m for m in sorted(MODULES) if not m.endswith("__main__")]
    run = subprocess.run(
        [sys.executable, "-c", script, *names], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr


#: Longest module (STYLE.md: small modules, one subject each).
MAX_LINES = 400


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it by subject"
