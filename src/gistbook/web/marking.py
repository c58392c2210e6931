"""Split bullet text into plain runs and marked spans (entities, dates) for templates to escape and link."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Segment:
    """A run of bullet text; `kind` is entity, date or None, `ref` what it links to (topic name, ISO date)."""

    text: str
    kind: str | None = None
    ref: str | None = None
    label: str | None = None  # entity type, shown as a hint


def _pick_spans(text: str, spans: list[tuple[int, int, str, str, str]]) -> list[tuple[int, int, str, str, str]]:
    """Keep in-bounds spans that do not overlap an earlier (entities first) or longer one."""
    chosen: list[tuple[int, int, str, str, str]] = []
    for span in sorted(spans, key=lambda s: (s[2] != "entity", s[0], -(s[1] - s[0]))):
        start, end = span[0], span[1]
        if not (0 <= start < end <= len(text)):
            continue
        if any(start < c[1] and c[0] < end for c in chosen):
            continue
        chosen.append(span)
    return sorted(chosen)


def segments(text: str, spans: list[tuple[int, int, str, str, str]]) -> list[Segment]:
    """Spans are (start, end, kind, ref, label); unmarked text between them becomes plain segments."""
    out: list[Segment] = []
    pos = 0
    for start, end, kind, ref, label in _pick_spans(text, spans):
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], kind, ref, label))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def marked_sections(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The article's sections with each bullet split into segments by its entity mentions and dates."""
    entities = {e["id"]: e for e in article.get("entities", []) if "id" in e}
    by_bullet: dict[int, list[tuple[int, int, str, str, str]]] = defaultdict(list)
    for men in article.get("mentions", []):
        ent = entities.get(men["entity_id"])
        if ent is not None:
            by_bullet[men["bullet_id"]].append((men["start"], men["end"], "entity", ent["name"], ent["type"]))
    for tx in article.get("time_expressions", []):
        if tx.get("type") == "DATE":
            by_bullet[tx["bullet_id"]].append((tx["start"], tx["end"], "date", tx["value"], "date"))
    return [
        {**sec, "bullets": [{**b, "segments": segments(b["text"], by_bullet.get(b["id"], []))}
                            for b in sec["bullets"]]}
        for sec in article.get("sections", [])
    ]


def segments_html(segs: list[Segment]) -> Markup:
    """A bullet's segments as HTML: entities link to their dossier, dates carry their ISO value; every piece of
    text is escaped. Written out here because it is the innermost loop of the article page (a template macro
    per bullet cost ~3x as much). Entity links are out of the Tab order (tabindex=-1): a release holds up to a
    hundred, which stood between a keyboard and the Notes; the page's switch (app.js) puts them back."""
    out: list[str] = []
    for seg in segs:
        text = escape(seg.text)
        if seg.kind == "entity":
            ref, label = seg.ref or "", seg.label or ""
            out.append(f'<a class="ent ent-{escape(label)}" href="/topics/{escape(quote(ref, safe=""))}" tabindex="-1" '
                       f'title="{escape(ref)} · {escape(label.replace("_", " "))}">{text}</a>')
        elif seg.kind == "date":
            out.append(f'<time class="date" title="{escape(seg.ref or "")}">{text}</time>')
        else:
            out.append(str(text))
    return Markup("".join(out))  # noqa: S704 - every piece above is escaped


def hits_html(segs: list[Segment]) -> Markup:
    """A search snippet's segments as HTML, the matched words in <mark>; every piece is escaped."""
    return Markup("".join(f"<mark>{escape(seg.text)}</mark>" if seg.kind else str(escape(seg.text))  # noqa: S704
                          for seg in segs))
