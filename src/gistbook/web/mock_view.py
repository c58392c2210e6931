"""Mock tests for the pages and the API: the signed set a page serves, the UPSC marking of the answers sent back,
an attempt read back for its results page, and the score-trend chart of the history."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from gistbook.quiz.marking import Marking, marks_of, outcome_of, show_marks, tally
from gistbook.store.learners import MockAttempt
from gistbook.web.charts import ACCENT, GOOD, LINE, MUTED, WARM, _svg, _t

SIZES = (10, 25, 50, 100)
DEFAULT_SIZE = 10
TIMERS = {0: "No timer", 6: "6 min", 12: "12 min", 30: "30 min", 60: "1 hour", 120: "2 hours"}
GRACE_S = 30  # a timed mock sent this late still counts as on time (the page's own submit, a slow network)
MAX_ANSWER_CHARS = 4000
BULLET_REF = re.compile(r"\[bullet #(\d+)\]|\bbullet #(\d+)")
TREND_POINTS = 20


@dataclass(frozen=True)
class ServedSet:
    """What a mock page served, carried in its form and signed so the answers come back for this very set."""

    ids: list[int]
    size: int
    limit_s: int | None
    started: int  # Unix seconds
    topic: str = ""
    article: int | None = None

    def message(self) -> str:
        return "|".join([",".join(map(str, self.ids)), str(self.size), str(self.limit_s or 0), str(self.started),
                         self.topic, str(self.article or "")])


def signing_key(request: Request) -> bytes:
    """Server mode signs with GISTBOOK_SECRET (every process shares it). Local mode's one learner can only
    fool themselves, so a key from the store's address does: it catches edited or mixed-up sets and survives
    a restart in the middle of a mock."""
    secret = (request.app.state.settings.secret or "").strip()
    return (secret or "gistbook-local-mock|" + request.app.state.store.url).encode()


def sign_set(request: Request, served: ServedSet) -> str:
    return hmac.new(signing_key(request), ("mock|" + served.message()).encode(), hashlib.sha256).hexdigest()


def check_set(request: Request, served: ServedSet, token: str) -> None:
    if len(set(served.ids)) != len(served.ids) or not served.ids or len(served.ids) > max(SIZES) \
            or not hmac.compare_digest(sign_set(request, served), token):
        raise HTTPException(400, "ids: this set of questions was changed after it was served; start a new mock "
                                 "from the Quiz page")


def parse_ids(raw: str) -> list[int]:
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts or not all(re.fullmatch(r"[0-9]{1,10}", p) for p in parts) or len(parts) > max(SIZES):
        raise HTTPException(400, f"ids: must list this mock's question numbers separated by commas "
                                 f"(at most {max(SIZES)})")
    return [int(p) for p in parts]


def mark_answers(session: Session, answers: dict[int, str]) -> tuple[list[dict[str, Any]], Marking]:
    """Check every answer against its stored question and mark it as the UPSC does; an answer naming no option
    is a blank. Returns one item per question (stored with the attempt) and the tally."""
    from gistbook.quiz import check_answer
    from gistbook.quiz.stored import question_dicts

    questions = {q["id"]: q for q in question_dicts(session, list(answers), whole=False)}
    missing = [qid for qid in answers if qid not in questions]
    if missing:
        raise HTTPException(404, f"There is no question #{missing[0]}; start a new mock from the Quiz page.")
    items = []
    for qid, given in answers.items():
        question = questions[qid]
        checked = check_answer(question, given)
        if given.strip() and question["kind"] != "mains" and checked["given"] is None:
            raise HTTPException(422, f"a{qid}: {given.strip()[:20]!r} names none of the question's "
                                     f"{len(question['options'])} options")
        outcome = outcome_of(question["kind"], checked["correct"], checked["given"])
        items.append({"id": qid, "kind": question["kind"], "answer": question["answer"] if outcome != "mains" else None,
                      "given": given.strip()[:MAX_ANSWER_CHARS] if outcome == "mains" else checked["given"],
                      "outcome": outcome, "marks": round(float(marks_of(outcome)), 4)})
    return items, tally(item["outcome"] for item in items)


def cited_html(text: str, sources: list[dict[str, Any]]) -> Markup:
    """Explanation or outline text with its 'bullet #N' references as numbered links to the cited points (the
    numbers of the 'From' line), so no internal id reaches the learner; every piece of text is escaped."""
    number = {s["bullet_id"]: (i, s["article_id"]) for i, s in enumerate(sources, 1)}
    out, pos = [], 0
    for found in BULLET_REF.finditer(text):
        out.append(str(escape(text[pos:found.start()])))
        bullet = int(found.group(1) or found.group(2))
        if bullet in number:
            k, article = number[bullet]
            link = f'<a class="cite" href="/articles/{article}#b{bullet}">{k}</a>'
            out.append(f"[{link}]" if found.group(1) else f"point {link}")
        else:
            out.append("" if found.group(1) else "a stored point")
        pos = found.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))  # noqa: S704 - every piece above is escaped


def sources_by_article(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cited points grouped under their article (title, date), each point keeping its number."""
    groups: dict[int, dict[str, Any]] = {}
    for k, src in enumerate(sources, 1):
        group = groups.setdefault(src["article_id"], {**src, "points": []})
        group["points"].append((k, src["bullet_id"]))
    return list(groups.values())


def attempt_view(session: Session, attempt: MockAttempt) -> dict[str, Any]:
    """An attempt with its questions read back from the store, for its results page."""
    from gistbook.quiz.stored import question_dicts

    questions = {q["id"]: q for q in question_dicts(session, [a["id"] for a in attempt.answers], whole=False)}
    rows = [{"item": item, "question": questions.get(item["id"]), "marks_text": show_marks(item["marks"], signed=True),
             "sources": sources_by_article(questions[item["id"]]["sources"]) if item["id"] in questions else []}
            for item in attempt.answers]
    late_s = (attempt.elapsed_s or 0) - attempt.time_limit_s - GRACE_S if attempt.time_limit_s else None
    return {"attempt": attempt, "rows": rows, "summary": summary(attempt), "late_s": late_s if late_s and late_s > 0
            else None, "rated": sum(1 for item in attempt.answers if item.get("self_rating")), "cited": cited_html}


def summary(attempt: MockAttempt) -> dict[str, Any]:
    """The figures a results page and a history row show, with marks as a reader writes them."""
    right_marks, wrong_marks = marks_of("right") * attempt.right, marks_of("wrong") * attempt.wrong
    return {"marks": show_marks(attempt.marks), "max_marks": show_marks(attempt.max_marks),
            "right_marks": show_marks(right_marks, signed=True), "wrong_marks": show_marks(wrong_marks),
            "share": attempt.marks / attempt.max_marks if attempt.max_marks else None,
            "answered": attempt.right + attempt.wrong, "elapsed": duration(attempt.elapsed_s),
            "limit": duration(attempt.time_limit_s), "finished": local_time(attempt.finished)}


def local_time(moment: dt.datetime) -> str:
    """In the server's own zone: in local mode that is the learner's (SQLite hands back naive UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%d %b %Y, %H:%M")


def duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    minutes, secs = divmod(max(seconds, 0), 60)
    if not minutes:
        return f"{secs} s"
    return f"{minutes} min" if not secs else f"{minutes} min {secs:02d} s"


def started_at(served: ServedSet) -> dt.datetime:
    return dt.datetime.fromtimestamp(served.started, dt.UTC)


def trend_chart(attempts: list[MockAttempt]) -> Markup:
    """Marks as a share of the maximum over the last attempts, oldest on the left; the 50% line for reference.
    A share below zero (wrong answers outweighing right ones) sits under the axis."""
    points = [a for a in attempts if a.max_marks][-TREND_POINTS:]
    if len(points) < 2:
        return Markup("")
    width, height, left, right, top, bottom = 480, 180, 44, 12, 14, 30  # small: a phone scales it down
    plot_w, plot_h = width - left - right, height - top - bottom
    low = min(0.0, min(a.marks / a.max_marks for a in points))

    def y_of(share: float) -> float:
        return top + plot_h * (1 - (share - low) / (1 - low))

    def x_of(i: int) -> float:
        return left + plot_w * (i + 0.5) / len(points)

    label_every = 1 if len(points) <= 10 else 2
    body = []
    for tick in sorted({low, 0.0, 0.5, 1.0}):
        y, dash = y_of(tick), "" if tick == 0 else ' stroke-dasharray="3 3"'
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{LINE}"{dash}/>'
                    f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">{tick * 100:.0f}%</text>')
    path = " ".join(f"{'M' if i == 0 else 'L'}{x_of(i):.1f},{y_of(a.marks / a.max_marks):.1f}"
                    for i, a in enumerate(points))
    body.append(f'<path d="{path}" fill="none" stroke="{ACCENT}" stroke-width="2"/>')
    for i, a in enumerate(points):
        share = a.marks / a.max_marks
        color = GOOD if share >= 0.5 else (WARM if share < 0.33 else ACCENT)
        tip = f"{a.finished:%d %b %Y}: {show_marks(a.marks)} of {show_marks(a.max_marks)} ({share * 100:.0f}%)"
        body.append(f'<circle cx="{x_of(i):.1f}" cy="{y_of(share):.1f}" r="5" fill="{color}"><title>{_t(tip)}'
                    f'</title></circle>')
        if (len(points) - 1 - i) % label_every == 0:  # the newest is always labelled
            body.append(f'<text x="{x_of(i):.1f}" y="{height - 10}" text-anchor="middle" fill="{MUTED}" '
                        f'font-size="12">{a.finished:%d %b}</text>')
    return _svg(width, height, body, f"Marks in your last {len(points)} mock tests, as a share of the maximum")
