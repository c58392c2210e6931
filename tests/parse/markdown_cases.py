"""Markdown bodies that probe how parse/markdown.py cuts blocks: the shapes notes really take, and hostile ones.

Shared by tests/parse/test_parse_markdown.py and by any before/after comparison of the Markdown cutter.
"""

from __future__ import annotations

DEEP_LEVELS = 10_000
BIG_LINE_CHARS = 1_000_000

CASES: dict[str, str] = {
    "atx_title_and_sections": (
        "# Grain stocks reach a record\n\nThe food ministry reported central pool stocks above the buffer norm.\n\n"
        "## Why it matters\n\n- Higher stocks let the government sell wheat in the open market.\n"
        "- They also support the free ration scheme.\n\n### Closing hashes ###\n\nA last remark.\n"),
    "setext_headings": (
        "Rupee ends the week stronger\n============================\n\nThe currency gained against the dollar.\n\n"
        "Drivers\n-------\n\nForeign inflows rose after the bond index inclusion.\n"),
    "bullet_glyph_lines": (
        "Cabinet clears the coastal shipping bill\n\n\u2022 The bill replaces an older part of the shipping act.\n"
        "\u2022 It lets Indian vessels carry cargo between Indian ports with fewer licences.\n"
        "\u2022\tA tab after the glyph also counts.\n"),
    "bullet_glyph_after_prose": (
        "The panel listed three steps for the states.\n\u2022 Map every tank in the district.\n"
        "\u2022 Publish the map online.\n"),
    "lazy_continuation": (
        "## Points\n\n- The scheme covers farmers who own land in their own\n"
        "name, and it pays three instalments a year.\n"
        "- Money goes straight to bank accounts\n    through the direct benefit transfer system.\n"
        "* Star bullets work too\nand wrap lazily.\n"),
    "label_column": (
        "Satellite launch moves to next month\n\nThe space agency moved the launch after a valve check.\n\n"
        "Share\nPrint\nCopy link\nWhatsApp\n\nRelated Topics\nSpace\nISRO\n"),
    "labels_with_punctuation_stay_a_paragraph": "Short line one.\nShort line two\nThird\n",
    "first_plain_line_title": (
        "Monsoon arrives over Kerala a week early\n\n- The weather office declared the onset on 24 May.\n"
        "- Normal onset is on 1 June.\n"),
    "first_line_not_title_when_sentence": (
        "The monsoon arrived early this year.\n\n- Onset came on 24 May.\n"),
    "indented_text_is_not_code": (
        "Heading of an indented note\n\n    This paragraph is indented by four spaces, as pasted text often is.\n"
        "    Its second line is indented the same way.\n\n        - a deeply indented item\n"),
    "nested_lists": (
        "## Structure\n\n- Parliament\n  - Lok Sabha\n    - elected directly\n  - Rajya Sabha\n"
        "- Executive\n  1. President\n  2. Council of Ministers\n"),
    "ordered_lists": (
        "Steps in the process\n\n1. The bill is introduced.\n2. It goes to a committee.\n3) The house votes.\n"
        "10. Number ten.\n"),
    "task_items": "## To do\n\n- [ ] Read the survey chapter.\n- [x] Note the fiscal deficit.\n- [X] Revise.\n",
    "pipe_table": (
        "## Budget figures\n\n| Item | Crore |\n|:-----|------:|\n| Defence | 6,21,541 |\n| Rail | 2,55,000 |\n"
        "|  |  |\n"),
    "table_with_inline_markup": "| Scheme | Year |\n|---|---|\n| **PM-KISAN** | [2019](http://x.example) |\n",
    "bold_paragraph_is_heading": (
        "**Background**\n\nThe treaty dates from 1960.\n\n__Issues:__\n\n- Sharing of water in lean years.\n"),
    "two_bold_runs_in_a_paragraph": "**India** and **Japan** met.\n\nThey agreed on a rail project.\n",
    "block_quote": "> The chair said the house would sit late.\n> Members agreed.\n\nAfter the quote.\n",
    "html_comment": "Before <!-- an inline note --> after.\n\n<!--\nA hidden\nblock.\n-->\n\nVisible text here.\n",
    "horizontal_rules": "First part of the note.\n\n***\n\nSecond part.\n\n- - -\n\n___\n\nThird part.\n",
    "fenced_code": (
        "Intro line.\n\n```python\nprint('not content')\n```\n\n~~~\nalso hidden\n~~~\n\nOutro line.\n"),
    "unclosed_fence": "Before the fence.\n\n```\nnever closed\n\n- not a bullet\n",
    "inline_markup": (
        "A [link](https://example.org) and a [reference][ref] with `code`, *stars*, _underscores_, "
        "**strong**, __also strong__, ![an image](pic.png) and <https://example.org/auto>.\n\n"
        "Escapes: \\*literal\\* and snake_case_name stay.\n\n[ref]: https://example.org/ref\n"),
    "html_block_script": (
        "Real text first.\n\n<script>\nalert('x');\n</script>\n\n<div>A div's words</div>\n\n"
        "<p>A paragraph tag</p>\n\nLast line.\n"),
    "mixed_markers": "- dash item\n* star item\n+ plus item\n",
    "loose_list_and_item_paragraphs": (
        "## Loose\n\n- first item\n\n- second item\n\n  a second paragraph inside the second item\n\nOutside.\n"),
    "paragraph_then_list_without_blank": "The council named three aims:\n- cleaner air\n- safer roads\n",
    "hash_without_space": "#hashtag is not a heading\n\n#5 on the list\n",
    "front_matter_in_body": "---\ntitle: Left in the body\n---\n\n# Real title\n\nText.\n",
    "crlf_and_tabs": "# Windows note\r\n\r\n-\tTabbed item\r\n- Second\r\n",
    "entities_and_nbsp": "Tom &amp; Jerry&nbsp;cartoon and 5 &lt; 6.\n",
    "year_first_lines": "2024 was a busy year for the courts.\n\n1995. A line that starts with a year and a dot.\n",
    "nul_bytes": "# Title\x00 with NUL\n\n- item\x00one\n- item two\n",
    "deep_nested_list": "- " * DEEP_LEVELS + "bottom\n\nAfter the deep list.\n",
    "deep_nested_quote": ">" * DEEP_LEVELS + " quoted\n\nAfter the deep quote.\n",
    "deep_indented_lines": "".join(" " * i + "- level\n" for i in range(0, 2000, 2)),
    "megabyte_line": "word " * (BIG_LINE_CHARS // 5),
    "megabyte_of_stars": "*a " * (BIG_LINE_CHARS // 3),
    "megabyte_of_brackets": "[a](" * (BIG_LINE_CHARS // 4),
    "megabyte_of_backticks": "`a " * (BIG_LINE_CHARS // 3),
    "megabyte_of_angles": "<a " * (BIG_LINE_CHARS // 3),
    "many_short_lines": "- point\n" * 50_000,
}
