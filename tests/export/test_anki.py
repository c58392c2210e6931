"""The .apkg imports into a fresh collection of the official anki package; a re-export updates notes in place."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "quiz"))

import handmade  # noqa: E402

from gistbook import quiz, review  # noqa: E402
from gistbook.export.anki import ExportError, export_anki  # noqa: E402
from gistbook.store import Store, models  # noqa: E402

anki_collection = pytest.importorskip("anki.collection")


def _import(col, path: Path) -> None:
    from anki import import_export_pb2 as ie

    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(path),
        options=anki_collection.ImportAnkiPackageOptions(
            update_notes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER, with_scheduling=False))
    col.import_anki_package(request)


def _notes(col) -> dict[str, dict[str, str]]:
    out = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        out[note.guid] = dict(note.items()) | {"_type": note.note_type()["name"]}
    return out


def test_anki_import_and_reimport_without_duplicates(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'g.db'}")
    handmade.save_all(store)
    with store.sessions.begin() as session:
        questions = quiz.generate(session, count=12, seed=2)
        review.cards_from_facts(session)
        first = export_anki(session, tmp_path / "one.apkg", timestamp=1_700_000_000)
    assert first["questions"] == len(questions) and first["cards"] > 10

    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        _import(col, tmp_path / "one.apkg")
        notes = _notes(col)
        assert len(notes) == first["notes"] and col.card_count() == first["notes"]
        kinds = {n["_type"] for n in notes.values()}
        assert kinds == {"gistbook question", "gistbook card"}
        question_notes = [n for n in notes.values() if n["_type"] == "gistbook question"]
        for n in question_notes:
            assert n["Question"] and n["Answer"] and n["Explanation"]
            assert "bullet #" in n["Source"] and "(" in n["Source"]
        assert any("(a) " in n["Options"] for n in question_notes)
        assert col.decks.by_name("gistbook") is not None

        with store.sessions.begin() as session:
            row = session.scalars(select(models.Question).order_by(models.Question.id)).first()
            assert row is not None
            row.explanation = row.explanation + "\nRevised after a re-check."
            quiz.generate(session, count=3, seed=99)
            second = export_anki(session, tmp_path / "two.apkg", timestamp=1_700_000_500)
        _import(col, tmp_path / "two.apkg")
        again = _notes(col)
        assert len(again) == second["notes"] and col.card_count() == second["notes"]
        assert second["notes"] >= first["notes"]
        assert set(notes) <= set(again)
        assert sum("Revised after a re-check." in n.get("Explanation", "") for n in again.values()) == 1
    finally:
        col.close()
    store.close()


def test_export_scope_and_errors(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'g.db'}")
    handmade.save_all(store)
    with store.sessions.begin() as session:
        quiz.generate(session, count=10, seed=3)
        everything = export_anki(session, tmp_path / "all.apkg")
        france = export_anki(session, tmp_path / "fr.apkg", topic="India-France")
        late = export_anki(session, tmp_path / "late.apkg", since="2024-06-01")
        with pytest.raises(ExportError, match="cannot write"):
            export_anki(session, tmp_path / "missing" / "dir" / "x.apkg")
    assert 0 < france["questions"] < everything["questions"]
    assert france["deck"] == "gistbook::India-France"
    assert late["questions"] < everything["questions"]
    store.close()
