"""A dossier as a clean, printable Markdown document: the topic-wise compilation aspirants revise from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gistbook.link.dossier import build_dossier
from gistbook.store import Store


def _money(value: float, unit: str) -> str:
    """21.96e9 USD → 'USD 21.96 billion'; 3.2e12 INR → 'INR 3.2 lakh crore'; plain numbers stay plain."""
    if unit == "INR" and value >= 1e7:
        crore = value / 1e7
        return f"INR {crore / 1e5:,.2f} lakh crore" if crore >= 1e5 else f"INR {crore:,.2f} crore"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{unit} {value / size:,.2f} {word}".replace(".00 ", " ")
    shown = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{shown}%" if unit == "percent" else f"{shown} {unit}"


def _cite(sources: list[dict[str, Any]]) -> str:
    """Footnote-style citation: the articles a line came from, by date and id."""
    if not sources:
        return ""
    refs = ", ".join(f"#{s['article_id']} {s.get('published') or ''}".strip() for s in sources[:3])
    more = f" +{len(sources) - 3}" if len(sources) > 3 else ""
    return f" *({refs}{more})*"


def _escape(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|").strip()


def dossier_markdown(dossier: dict[str, Any]) -> str:
    """Render a build_dossier() result; empty parts are left out so the page stays short."""
    lines = [f"# {dossier['topic']}", ""]
    n = len(dossier["articles"])
    lines.append(f"*{dossier['kind']} topic · {n} article{'s' if n != 1 else ''}*")
    lines.append("")
    if dossier.get("since"):
        lines += [f"## What is new since {dossier['since']}", ""]
        lines += [f"- {_escape(i['text'])}{_cite(i['sources'])}" for i in dossier["new_since"]] or ["- Nothing new."]
        lines.append("")
    if dossier["timeline"]:
        lines += ["## Timeline", "", "| Date | Event |", "| --- | --- |"]
        lines += [f"| {e['date']} | {_escape(e['text'])}{_cite(e['sources'])} |" for e in dossier["timeline"]]
        lines.append("")
    if dossier["figures"]:
        lines += ["## Figures", ""]
        for series in dossier["figures"]:
            lines.append(f"**{series['subject'] or 'Figure'}**")
            lines.append("")
            for point in series["series"]:
                flag = " ~~superseded~~" if point["superseded"] else ""
                period = point["period"] or point.get("as_of") or "undated"
                lines.append(f"- {period}: {_money(point['value'], point['unit'])}{flag}{_cite(point['sources'])}")
            lines.append("")
    for key, heading in (("agreements", "Agreements"), ("exercises", "Exercises"), ("initiatives", "Initiatives"),
                         ("people", "People")):
        things = dossier.get(key) or []
        if not things:
            continue
        lines += [f"## {heading}", ""]
        for t in things:
            extra = [t["role"]] if t.get("role") else []
            extra += [t["country"]] if key == "people" and t.get("country") else []
            extra += [", ".join(t.get("dates") or [])] if t.get("dates") else []
            detail = f" — {'; '.join(extra)}" if extra else ""
            lines.append(f"- **{t['name']}**{detail}{_cite(t['sources'])}")
        lines.append("")
    for key, heading in (("challenges", "Challenges"), ("way_forward", "Way forward")):
        if dossier.get(key):
            lines += [f"## {heading}", ""]
            lines += [f"- {_escape(p['text'])}{_cite(p['sources'])}" for p in dossier[key]]
            lines.append("")
    if dossier["articles"]:
        lines += ["## Sources", ""]
        lines += [f"- #{a['article_id']} {a['published'] or 'undated'} — {_escape(a['title'])}"
                  for a in dossier["articles"]]
        lines.append("")
    return "\n".join(lines)


def export_markdown(store: Store, out_path: str | Path, topic: str, since: str | None = None) -> Path:
    """Write the dossier of `topic` to `out_path` as Markdown; raises TopicNotFound for an unknown topic."""
    with store.session() as session:
        dossier = build_dossier(session, topic, since=since)
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dossier_markdown(dossier), encoding="utf-8")
    return path
