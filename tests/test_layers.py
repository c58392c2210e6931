"""The layering DESIGN.md promises, read from the source with ast: no upward import, no cycle, SQL only in store/.

Four floors (DESIGN.md, "Architecture"): interfaces -> uses -> stages -> ground. A package may import its own
floor's packages on the interfaces and uses floors, but a stage imports no other stage (records carry the data
between them), and nothing imports a floor above its own. Lazy imports inside functions count too: they are
dependencies all the same, only later.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "gistbook"
FLOORS: dict[str, int] = {
    **dict.fromkeys(("cli", "web", "__main__"), 3),  # interfaces
    **dict.fromkeys(("pipeline", "jobs", "queue", "intake", "link", "page", "quiz", "review", "export"), 2),  # uses
    **dict.fromkeys(("read", "parse", "extract", "store"), 1),  # stages
    **dict.fromkeys(("records", "config", "text", "standalone", "console", "demo", "__init__"), 0),  # ground
}
STAGES = 1
# Known offenders, to shrink and never to grow (issue 19); none left: the workers are handed the web's dossier
# refresh (web/speed) instead of importing it, and `gistbook worker` picks the local or the PostgreSQL worker.
KNOWN_UPWARD: set[tuple[str, str]] = set()
KNOWN_CYCLES: set[frozenset[str]] = set()
# SQL written outside store/ today (issue 19 item 2 moves it behind named store functions); a file leaves this
# list when its SQL moves, and a file not on it may hold no SQL at all.
KNOWN_SQL_OUTSIDE_STORE: set[str] = set()
# The interfaces and the uses that read cards, articles and reviews call named store functions (store/cards.py,
# store/articles.py, …) and never touch the tables themselves: none of these packages imports store/models.py.
# link/ keeps the rules (ranking, grouping, dedup) and reads through store/dossier_reads.py, store/facts.py,
# store/topics.py and store/related.py.
NO_TABLES = ("web", "review", "export", "cli", "link")
# Files still importing gistbook.store.models, to shrink and never to grow.
KNOWN_TABLE_IMPORTS: set[str] = set()
# upper-case keywords in a statement's shape: SQL, not prose ("Select a topic from the list")
SQL = re.compile(r"\bSELECT\s+(?:DISTINCT\s+)?[\w(*]|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
                 r"|\bDELETE\s+FROM\b|\bCREATE\s+(?:UNIQUE\s+|VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER)\b"
                 r"|\b(?:DROP|ALTER)\s+(?:TABLE|INDEX)\b|\bPRAGMA\s+\w|\bJOIN\s+\w+(?:\s+\w+)?\s+ON\b"
                 r"|\bWHERE\s+[\w.]+\s*(?:[=<>]|IN\b|IS\b|LIKE\b)|\b(?:ORDER|GROUP)\s+BY\s+\w")


def _modules() -> dict[str, ast.Module]:
    """Every source file but the migrations (Alembic's own, SQL by nature), by path relative to the package."""
    return {path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(PACKAGE.rglob("*.py")) if "migrations" not in path.parts}


def _unit(relative: str) -> str:
    """The package or top-level module a file belongs to: 'cli/common.py' -> 'cli', 'records.py' -> 'records'."""
    return relative.split("/", 1)[0].removesuffix(".py")


def _imports(relative: str, tree: ast.Module) -> list[tuple[str, list[str]]]:
    """Each import of a file as (module, names taken from it), relative imports resolved."""
    here = ["gistbook", *relative.removesuffix(".py").split("/")]
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[:-node.level] if node.level else []
            found.append((".".join(base + ([node.module] if node.module else [])), [a.name for a in node.names]))
    return found


def _imported_units(relative: str, tree: ast.Module) -> set[str]:
    """The gistbook packages and top-level modules a file imports."""
    found: set[str] = set()
    for module, names in _imports(relative, tree):
        full = [f"{module}.{name}" for name in names] if module == "gistbook" else [module]
        found.update(name.split(".")[1] for name in full if name.startswith("gistbook.") and "." in name)
    return found - {_unit(relative)}


def _dependencies() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for relative, tree in _modules().items():
        graph[_unit(relative)] |= _imported_units(relative, tree)
    return graph


def test_every_package_has_a_floor() -> None:
    units = {_unit(relative) for relative in _modules()}
    assert units <= FLOORS.keys(), f"give these a floor in FLOORS: {sorted(units - FLOORS.keys())}"


def test_no_import_runs_upward_and_stages_import_no_stage() -> None:
    wrong = []
    for unit, imported in sorted(_dependencies().items()):
        for other in sorted(imported):
            upward = FLOORS.get(other, 0) > FLOORS.get(unit, 0)
            sideways_stage = FLOORS.get(unit) == STAGES == FLOORS.get(other)
            if (upward or sideways_stage) and (unit, other) not in KNOWN_UPWARD:
                wrong.append(f"{unit} imports {other}")
    assert not wrong, "imports against DESIGN.md's floors: " + "; ".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected groups of two or more packages (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(frozenset(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycle_between_packages() -> None:
    found = [sorted(group) for group in _cycles(_dependencies()) if group not in KNOWN_CYCLES]
    assert not found, f"packages that import each other: {found}"


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset({"a", "b", "c"})]


def _sql_strings(tree: ast.Module) -> list[str]:
    """String constants and f-strings (their literal parts, a ? for each value) that read as SQL."""
    texts = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    texts += ["".join(part.value if isinstance(part, ast.Constant) else "?" for part in node.values)
              for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)]
    return [text for text in dict.fromkeys(texts) if SQL.search(text)]


def test_sql_lives_in_store_only() -> None:
    holders = {relative for relative, tree in _modules().items()
               if not relative.startswith("store/") and _sql_strings(tree)}
    new = sorted(holders - KNOWN_SQL_OUTSIDE_STORE)
    assert not new, f"SQL outside store/ (put it behind a named function in store/): {new}"
    moved = sorted(KNOWN_SQL_OUTSIDE_STORE - holders)
    assert not moved, f"no SQL left in {moved}: take it off KNOWN_SQL_OUTSIDE_STORE in this test"


def test_the_sql_check_tells_sql_from_prose() -> None:
    found = _sql_strings(ast.parse('a = "SELECT id FROM cards WHERE due < ?"\nb = "Select a topic from the list"'))
    assert found == ["SELECT id FROM cards WHERE due < ?"]


def _imports_models(relative: str, tree: ast.Module) -> bool:
    """Whether a file imports gistbook.store.models, in any spelling (absolute, relative, `from … import models`)."""
    models = "gistbook.store.models"
    return any(name == models or name.startswith(models + ".")
               for module, names in _imports(relative, tree) for name in [module, *(f"{module}.{n}" for n in names)])


def test_the_table_check_sees_every_spelling() -> None:
    spellings = ["from gistbook.store import models", "from gistbook.store import models as m",
                 "from gistbook.store.models import Card", "import gistbook.store.models",
                 "from ..store import models", "from ..store.models import Card"]
    assert all(_imports_models("web/pages.py", ast.parse(code)) for code in spellings)
    assert not _imports_models("web/pages.py", ast.parse("from gistbook.store import cards\nfrom ..store import notes"))


# The uses that build questions and pages (quiz/, page/) and the ingest order (pipeline.py) read and write through
# named store functions too (store/quiz_reads.py, store/quiz_questions.py, store/page_reads.py, …): the rules
# about what to ask and what to show stay in quiz/ and page/, the queries in store/.
USES_WITHOUT_TABLES = ("quiz", "page", "pipeline")
KNOWN_USE_TABLE_IMPORTS: set[str] = set()  # to shrink and never to grow; empty today


@pytest.mark.parametrize(("units", "known"), [(NO_TABLES, KNOWN_TABLE_IMPORTS),
                                               (USES_WITHOUT_TABLES, KNOWN_USE_TABLE_IMPORTS)],
                         ids=["interfaces-review-link", "quiz-page-pipeline"])
def test_packages_use_store_functions_not_tables(units: tuple[str, ...], known: set[str]) -> None:
    holders = {relative for relative, tree in _modules().items()
               if _unit(relative) in units and _imports_models(relative, tree)}
    new = sorted(holders - known)
    assert not new, f"these import gistbook.store.models (call a named function in store/ instead): {new}"
    moved = sorted(known - holders)
    assert not moved, f"{moved} no longer import the tables: take them off the known list in this test"
