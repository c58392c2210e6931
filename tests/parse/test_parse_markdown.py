"""The Markdown cutter on markdown-it-py: the shapes real notes take, and hostile bodies in linear time."""

from __future__ import annotations

import time

import pytest
from tests.bounds import finishes_within
from tests.parse.markdown_cases import CASES, DEEP_LEVELS

from gistbook.parse.blocks import Block
from gistbook.parse.markdown import markdown_blocks

BOUND_SECONDS = 30  # generous for a loaded 2-core machine; the quadratic cutter took minutes


def _cut(name: str) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in markdown_blocks(CASES[name])]


def test_headings_title_and_closing_hashes() -> None:
    assert _cut("atx_title_and_sections") == [
        ("title", "Grain stocks reach a record"),
        ("prose", "The food ministry reported central pool stocks above the buffer norm."),
        ("heading", "Why it matters"),
        ("bullet", "Higher stocks let the government sell wheat in the open market."),
        ("bullet", "They also support the free ration scheme."),
        ("heading", "Closing hashes"),
        ("prose", "A last remark."),
    ]
    assert _cut("setext_headings")[:3] == [
        ("title", "Rupee ends the week stronger"), ("prose", "The currency gained against the dollar."),
        ("heading", "Drivers")]


def test_bullet_glyph_lines_are_list_items() -> None:
    assert [kind for kind, _ in _cut("bullet_glyph_lines")] == ["title", "bullet", "bullet", "bullet"]
    assert _cut("bullet_glyph_after_prose") == [
        ("prose", "The panel listed three steps for the states."),
        ("bullet", "Map every tank in the district."), ("bullet", "Publish the map online.")]


def test_lazy_continuation_lines_join_their_item() -> None:
    assert _cut("lazy_continuation") == [
        ("heading", "Points"),
        ("bullet", "The scheme covers farmers who own land in their own name, and it pays three instalments a year."),
        ("bullet", "Money goes straight to bank accounts through the direct benefit transfer system."),
        ("bullet", "Star bullets work too and wrap lazily."),
    ]


def test_a_column_of_labels_is_one_block_a_line_but_sentences_stay_one_paragraph() -> None:
    assert _cut("label_column")[2:] == [("prose", label) for label in (
        "Share", "Print", "Copy link", "WhatsApp", "Related Topics", "Space", "ISRO")]
    assert _cut("labels_with_punctuation_stay_a_paragraph") == [("prose", "Short line one. Short line two Third")]


def test_first_plain_line_is_the_title_only_when_it_looks_like_one() -> None:
    assert _cut("first_plain_line_title")[0] == ("title", "Monsoon arrives over Kerala a week early")
    assert _cut("first_line_not_title_when_sentence")[0] == ("prose", "The monsoon arrived early this year.")


def test_indented_text_is_text_not_code() -> None:
    assert _cut("indented_text_is_not_code") == [
        ("title", "Heading of an indented note"),
        ("prose", "This paragraph is indented by four spaces, as pasted text often is. "
                  "Its second line is indented the same way."),
        ("bullet", "a deeply indented item"),
    ]


def test_nested_and_ordered_lists_and_task_boxes_flatten_to_bullets() -> None:
    assert [text for _, text in _cut("nested_lists")[1:]] == [
        "Parliament", "Lok Sabha", "elected directly", "Rajya Sabha", "Executive", "President", "Council of Ministers"]
    assert _cut("ordered_lists")[1:] == [("bullet", text) for text in (
        "The bill is introduced.", "It goes to a committee.", "The house votes.", "Number ten.")]
    assert _cut("task_items")[1:] == [("bullet", "Read the survey chapter."), ("bullet", "Note the fiscal deficit."),
                                      ("bullet", "Revise.")]
    assert _cut("year_first_lines")[1] == ("prose", "1995. A line that starts with a year and a dot.")


def test_table_rows_are_bullets_of_their_cells() -> None:
    assert _cut("pipe_table") == [("heading", "Budget figures"), ("bullet", "Item; Crore"),
                                  ("bullet", "Defence; 6,21,541"), ("bullet", "Rail; 2,55,000")]
    assert _cut("table_with_inline_markup") == [("bullet", "Scheme; Year"), ("bullet", "PM-KISAN; 2019")]


def test_bold_only_paragraph_is_a_heading_but_bold_words_in_a_sentence_are_not() -> None:
    assert _cut("bold_paragraph_is_heading") == [
        ("heading", "Background"), ("prose", "The treaty dates from 1960."), ("heading", "Issues:"),
        ("bullet", "Sharing of water in lean years.")]
    assert _cut("two_bold_runs_in_a_paragraph")[0] == ("prose", "India and Japan met.")


def test_markup_code_comments_rules_and_scripts_leave_only_words() -> None:
    assert _cut("inline_markup") == [
        ("prose", "A link and a reference with code, stars, underscores, strong, also strong, and "
                  "https://example.org/auto."),
        ("prose", "Escapes: *literal* and snake_case_name stay."),  # the reference definition is not text
    ]
    assert _cut("html_comment") == [("prose", "Before after."), ("prose", "Visible text here.")]
    assert _cut("horizontal_rules") == [("prose", text) for text in ("First part of the note.", "Second part.",
                                                                     "Third part.")]
    assert _cut("fenced_code") == [("prose", "Intro line."), ("prose", "Outro line.")]
    assert _cut("unclosed_fence") == [("prose", "Before the fence.")]
    assert _cut("html_block_script") == [("prose", text) for text in (
        "Real text first.", "A div's words", "A paragraph tag", "Last line.")]
    assert _cut("block_quote") == [("prose", "The chair said the house would sit late. Members agreed."),
                                   ("prose", "After the quote.")]
    assert _cut("entities_and_nbsp") == [("prose", "Tom & Jerry cartoon and 5 < 6.")]


def test_front_matter_left_in_a_body_is_dropped() -> None:
    assert _cut("front_matter_in_body") == [("title", "Real title"), ("prose", "Text.")]
    assert _cut("crlf_and_tabs") == [("title", "Windows note"), ("bullet", "Tabbed item"), ("bullet", "Second")]


@pytest.mark.parametrize("name", [name for name in CASES if not name.startswith("megabyte")])
def test_every_case_cuts_to_clean_text(name: str) -> None:
    blocks = markdown_blocks(CASES[name])
    for block in blocks:
        assert block.text and block.text == " ".join(block.text.split())
        assert "\x00" not in block.text and "```" not in block.text and "<script" not in block.text


def test_hostile_nesting_keeps_what_follows() -> None:
    """Nesting past markdown-it's limit (100 levels: 50 lists) ends the cut there instead of recursing away."""
    assert _cut("deep_nested_list") == []  # the list never closes, so nothing after it is read
    kept = markdown_blocks("- " * 49 + "bottom\n\nAfter.\n")
    assert kept[-2:] == [Block("bullet", "bottom"), Block("prose", "After.")]
    assert _cut("deep_nested_quote")[-1] == ("prose", "After the deep quote.")
    assert len(CASES["deep_nested_list"]) > 2 * DEEP_LEVELS
    assert _cut("deep_indented_lines") == [("bullet", "level")] * 49  # 1,000 levels by indentation: the first 49
    assert _cut("nul_bytes") == [("title", "Title with NUL"), ("bullet", "itemone"), ("bullet", "item two")]


@pytest.mark.slow
@pytest.mark.parametrize("name", [name for name in CASES if name.startswith("megabyte")])
def test_megabyte_bodies_cut_in_seconds(name: str) -> None:
    started = time.process_time()
    blocks = markdown_blocks(CASES[name])
    assert time.process_time() - started < 60 and blocks


@pytest.mark.parametrize("unit", ["*a ", "[a](", "<a ", "- point\n", "`a "])
def test_cutting_stays_linear_on_hostile_markup(unit: str) -> None:
    """A quarter of a megabyte of one markup fragment is cut in seconds (the old regex cutter took the square
    of the length on these: over two minutes for one megabyte)."""
    text = unit * (250_000 // len(unit))
    with finishes_within(BOUND_SECONDS, f"cutting 250 KB of {unit!r}"):
        markdown_blocks(text)
