"""Writes the test PDFs beside this file; a tiny PDF writer, since no PDF library that writes text is installed.

Run: .venv/bin/python tests/data/read/make_pdfs.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
LINE_HEIGHT = 15
TOP = 800


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _text_stream(lines: list[str]) -> bytes:
    """One text object per line at a fixed left margin, moving down the page."""
    parts = ["BT /F1 11 Tf"]
    y = TOP
    for line in lines:
        if line:
            parts.append(f"1 0 0 1 50 {y} Tm ({_escape(line)}) Tj")
        y -= LINE_HEIGHT
    parts.append("ET")
    return "\n".join(parts).encode("latin-1")


_IMAGE_STREAM = b"q 300 0 0 300 100 400 cm /Im1 Do Q"
_IMAGE_PIXELS = bytes((x * 37 + y * 11) % 256 for y in range(16) for x in range(16))


def build_pdf(pages: list[list[str] | None], title: str | None = None) -> bytes:
    """A valid PDF; each page is its lines of text, or None for a page that is only a picture (a scan)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree exists
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(_IMAGE_PIXELS) + _IMAGE_PIXELS + b"\nendstream")
    kids = []
    for lines in pages:
        content = _IMAGE_STREAM if lines is None else _text_stream(lines)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                        % (tree, stream, font, image)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                         + b"] /Count %d >>" % len(kids))
    info = add(b"<< /Title (" + _escape(title).encode("latin-1") + b") >>") if title else None
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    trailer += b" /Info %d 0 R >>" % info if info else b" >>"
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


HEADER = "Weekly Digest for Aspirants - Week 11"
COMPILATION: list[list[str] | None] = [
    [HEADER, "", "Contents", "Cabinet approves a mission to recycle critical minerals",
     "India and Japan hold the third round of their finance",
     "dialogue in New Delhi", "Supreme Court sets time limits for assent to state bills", "", "Page 1"],
    [HEADER, "",
     "Cabinet approves a mission to recycle critical minerals",
     "10 March 2026 | Ministry of Mines",
     "The Union Cabinet approved a six-year mission that pays recyclers to recover lithium,",
     "cobalt and nickel from discarded batteries and electronic scrap.",
     "The mission will also fund pilot plants run by public sector companies.",
     "",
     "India and Japan hold the third round of their finance",
     "dialogue in New Delhi",
     "Posted on: 12 March 2026 | Ministry of Finance",
     "Officials of the two finance ministries reviewed investment flows, the rupee-yen swap",
     "line and a joint fund for infrastructure in the north-east.",
     "", "Page 2"],
    [HEADER, "",
     "Both sides agreed to meet again next year in Tokyo.",
     "",
     "Supreme Court sets time limits for assent to state bills",
     "Mar 14, 2026 - Legal Affairs",
     "A constitution bench said governors must act on bills passed by state legislatures",
     "within three months, and explained when a bill may be reserved for the President.",
     "", "Page 3"],
]
ARTICLE: list[list[str] | None] = [[
    "The new labour codes took effect on the first of the month and replaced twenty-nine older laws",
    "on wages, industrial relations, social security and workplace safety.",
    "Gig and platform workers are covered by social security for the first time.",
]]
SCANNED: list[list[str] | None] = [None, None]


def main() -> None:
    (HERE / "compilation.pdf").write_bytes(build_pdf(COMPILATION, title="Weekly Digest Week 11"))
    (HERE / "scanned.pdf").write_bytes(build_pdf(SCANNED))
    (HERE / "article.pdf").write_bytes(build_pdf(ARTICLE, title="Labour codes come into force"))


if __name__ == "__main__":
    main()
