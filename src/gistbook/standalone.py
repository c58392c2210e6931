"""Whether a statement stands on its own: the one rule for what reaches a learner.

A timeline row, a dossier figure, a key point, a card or a question statement is shown only when it is a whole
clause (it has a finite verb and does not end mid-phrase), names its subject (it does not open on "It", "The
platform" or "during the year"), is not a line of speech ("we", "our", a quote), and is not page debris (a
dateline, a tweet, a heading glued to a sentence, a table row). Precision beats recall: a statement that fails
stays searchable in its article and is simply not shown.
"""

from __future__ import annotations

import re

ANAPHORIC_STARTS = frozenset(
    [
        "it", "this", "these", "that", "those", "they", "he", "she", "his", "her", "its", "their", "such", "both",
        "also", "however", "moreover", "additionally", "further", "furthermore", "besides", "here", "there", "thus",
        "hence", "accordingly", "meanwhile"
    ]
)
ANAPHORIC_PAIRS = frozenset({"the bill", "the participants", "the act", "the agreement", "the scheme", "the body",
                             "the ministry", "the minister", "the exercise", "the move", "the decision",
                             "the project", "the programme", "the initiative", "the event", "the meeting",
                             "the country", "the two", "the other", "the same", "the above", "the latter",
                             "the former", "the government", "the department", "the summit", "the visit",
                             "after that", "a short", "the facility", "the plant", "the mission", "since then",
                             "while the", "even so", "in turn"})
QUALIFIERS = frozenset([
    "concerning", "on", "of", "for", "between", "with", "to", "regarding", "among", "signed", "titled", "called",
    "named"
])
DEICTIC = re.compile(r"\b(?:this|these)\b|"
                     r"\b(?:that|those|such) (?:period|year|time|agreement|initiative|exercise|scheme|programme|"
                     r"program|move|step|decision|bill|act|event|meeting|visit|project|body|forum|"
                     r"region|place|city|country|state|area|context|regard|occasion|day|month|week|session|"
                     r"effort|facility|plant|mission|site|campus)\b|\bthe other side\b|\babove\b|\bsaid\b",
                     re.IGNORECASE)


AUX = re.compile(r"\b(?:is|are|was|were|has|have|had|be|been|being|can|could|may|might|must|shall|should|"
                  r"would|will|does|do|did|stands?|remains?|became|becomes)\b", re.IGNORECASE)
IRREGULAR_PAST = (r"began|begun|held|met|took|won|led|made|set|rose|fell|grew|built|came|went|gave|"
                  r"sent|spent|brought|bought|fought|sought|saw|stood|kept|left|paid|put|ran|said|sold|told|"
                  r"wrote|cut|hit|lost|meant|chose|drew|flew|got|heard|knew|laid|lay|read|rode|shot|"
                  r"shut|sat|spoke|struck|swore|threw|understood|woke|wore|withdrew|overtook|undertook")
IRREGULAR = re.compile(rf"\b(?:{IRREGULAR_PAST})\b", re.IGNORECASE)
PAST = re.compile(r"\b[a-z]{3,}ed\b")
# present-tense verbs a fact sentence commonly turns on; a bare "-s" word could as well be a plural noun
PRESENT = re.compile(
    r"\b(?:provides|aims|links|monitors|supports|includes|acknowledges|features|offers|covers|enables|helps|"
    r"allows|requires|ensures|targets|seeks|focuses|plays|gives|gets|makes|takes|holds|meets|works|lies|runs|"
    r"leads|shows|accounts|represents|contains|comprises|consists|reflects|serves|lets|sets|marks|brings|"
    r"creates|promotes|establishes|mandates|issues|governs|regulates|administers|manages|operates|produces|"
    r"exports|imports|hosts|owns|ranks|dominates|spends|receives|reaches|continues|depends|applies|belongs|"
    r"means|needs|uses|tops|follows|joins|grows|rises|falls|connects|stretches|spans|flows|projects|"
    r"estimates|expects|recommends|permits|prohibits|defines|classifies|extends|funds|finances|implements|"
    r"coordinates|oversees|conducts|publishes|releases|compiles|measures|tracks|records|lists|names|"
    r"identifies|recognises|recognizes|designates|empowers|protects|stands|remains|exceeds|equals|totals|"
    r"amounts|sits|borders|houses|persists|lags|trails|matters|happens|occurs|varies|differs|relies|"
    r"benefits|costs|earns|pays|buys|sells|lends|borrows|invests|saves|spends|produces|highlights|underlines|"
    r"underscores|signals|indicates|demonstrates|illustrates|showcases|comes|goes|says|becomes|lies|counts)\b",
    re.IGNORECASE)


def is_anaphoric(sentence: str) -> bool:
    """True when a sentence leans on the one before it ("It…", "The Bill…") and cannot stand alone."""
    words = sentence.split()
    if not words:
        return True
    first = words[0].strip("“\"‘'(,;:").casefold()
    two = " ".join(w.strip("“\"‘'(,;:").casefold() for w in words[:2])
    qualified = len(words) > 2 and (words[2].casefold() in QUALIFIERS or words[2][:1].isupper()
                                    or words[2].startswith("("))
    return first in ANAPHORIC_STARTS or (two in ANAPHORIC_PAIRS and not qualified) or bool(DEICTIC.search(sentence))




SPOKEN_OPEN = frozenset({"and", "but", "so", "now", "friends", "yes", "no", "well", "brothers", "sisters"})


def spoken_open(sentence: str) -> bool:
    """A line of a speech, which no context rescues: "And look today, …", "Friends, …"."""
    words = sentence.split()
    return not words or words[0].strip("“\"‘'(,;:").casefold() in SPOKEN_OPEN


def has_finite_verb(text: str) -> bool:
    """A rough test for a finite verb: an auxiliary, a common irregular past, or a word in -ed/-s after the
    first word. Headline fragments ("Over 3.19 crore women reached with …") are caught separately."""
    if AUX.search(text) or IRREGULAR.search(text):
        return True
    rest = text.split(" ", 1)[1] if " " in text else ""
    return any(_verbal(rest, m.start()) for m in PAST.finditer(rest)) or bool(PRESENT.search(rest))


# before an "-ed" word, these make it an adjective: "of advanced textiles", "the restructured scheme", "newly set-up"
_ADJECTIVAL_BEFORE = frozenset({"the", "a", "an", "of", "for", "in", "on", "at", "by", "with", "from", "to", "and",
                                "or", "its", "their", "his", "her", "our", "this", "these", "that", "those", "such",
                                "newly", "highly", "well", "fully", "under", "into", "as", "than", "most", "more",
                                "less", "various", "several", "all", "many", "other"})


def _verbal(text: str, at: int) -> bool:
    """An "-ed" word reads as a verb unless hyphenated onto a word ("Department-related") or after a determiner
    or preposition ("of advanced technical textiles", "the restructured scheme")."""
    if at > 0 and text[at - 1] == "-":
        return False
    before = text[:at].split()
    return not before or before[-1].strip("(“\"‘',").casefold() not in _ADJECTIVAL_BEFORE


FIRST_PERSON = re.compile(r"\bI\s+[a-z]|\b(?:[Ww]e|[Oo]ur|[Oo]urs|us|[Mm]y|[Yy]ou|[Yy]our|[Ll]et us|[Ll]et's)\b")
QUOTE = re.compile(r"^[“\"‘']|[”\"’']\s*,?\s*(?:he|she|they|the \w+)\s+(?:said|added|noted|stated)\b|"
                   r"\b(?:said|says|added|stated|remarked)\s*[,:]?\s*[“\"]", re.IGNORECASE)
# datelines, tweets, links, photo captions, contact lines: page furniture, not facts
DEBRIS = re.compile(r"\b\d{1,2}\s+[A-Z]{3}\s+\d{4}\s+\d{1,2}:\d\d\s*[AP]M\b|\bby PIB\b|@\w|#\w|https?:|www\.|"
                    r"\bTel\.|\bPhoto\b|\bClick here\b|\.{3}|…|\bAnnexure\b|\(L-R\)|\bTrain No\b|:-|\bas follows\b|"
                    r"\b(?:given|shown|placed|enclosed|attached) (?:at|in|as) (?:Table|Annex|Appendix|Statement)|"
                    r"\bTable[- ]\d|\bfollowing link\b|\bcan be accessed\b|\bwww\b", re.IGNORECASE)
# two sentences glued without a space ("in Kuno!After eight …", "developmentUttarakhand", "2026Railways")
GLUED = re.compile(r"[a-z][.!?][A-Z][a-z]|\b[a-z]{4,}[A-Z][a-z]{3,}|\b\d{4}[A-Z][a-z]{3,}")
# "the same", "the said", "as above": a back-reference to something the sentence does not name
SAME = re.compile(r"\bthe\s+(?:same|said|aforesaid|above)\b(?!\s+(?:day|time|year|period|month|week))|\bas\s+above\b",
                  re.IGNORECASE)
# he, she, they: a line from a speech or a sentence leaning on the one before; "yesterday": a day only its item knows
PRONOUN = re.compile(r"\b(?:he|she|it|they|him|them)\b|\b(?:[Yy]esterday|[Tt]omorrow)\b")
NUMERIC_DATE_START = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
# "Amnesty Scheme for X: The Board approved …": a heading glued onto the sentence it introduces
LABEL = re.compile(r"^[^:.]{2,90}:\s+\S")
# a clause that stops on a word that needs something after it: "India stayed away from the 1951"
DANGLING_END = re.compile(r"\b(?:the|a|an|of|to|in|on|at|for|from|by|with|and|or|its|their|his|her|as|than|"
                          r"between|under|over|into|during|since|till|until|is|are|was|were|has|have|had|will|"
                          r"which|that|who|whose|the\s+\d{4})\W*$", re.IGNORECASE)
# openings that only make sense after the sentence before
LEANING_OPEN = re.compile(r"^(?:according to|as per|pursuant to)\b(?:[^,]*$|[^,]*,\s+[a-z]+(?:ed|ing)\b)|"
                          r"^(?:since|after|before|in|at|on|during|for|by|under|with)\s+(?:his|her|its|their)\b|"
                          r"^(?:during|in|for|at|by|of|over|within|under)\s+(?:the|this|that|these|those)\s+"
                          r"(?:year|period|month|week|day|time|occasion|event|programme|meeting|session|visit|"
                          r"quarter|phase|process|course)\b|^(?:so far|till date|to date|thereafter|later|then|"
                          r"earlier|also|further|moreover|additionally|besides|similarly|accordingly|consequently|therefore|thus|hence|"
                          r"however|meanwhile|subsequently|nevertheless|with\s+[^,]*\bbeing\b|"
                          r"in addition|as a result|on the other hand|on this occasion|on the occasion)\b",
                          re.IGNORECASE)
MIN_CHARS, MAX_CHARS = 20, 400
MAX_CHARS_IN_CONTEXT = 600  # a key point may be one long sentence of its release


def has_verb(phrase: str) -> bool:
    """A finite verb anywhere in a phrase or a single word, its first word included (has_finite_verb skips the
    first word, which in a sentence is its subject)."""
    return has_finite_verb("x " + phrase)


def has_unbalanced_marks(text: str) -> bool:
    """A cut inside brackets or quotes: "(Mandal Manit Aqua Genetics, Chhattisgarh" without its close."""
    return (text.count("(") != text.count(")") or text.count("“") != text.count("”")
            or text.count('"') % 2 == 1)


def table_like(text: str) -> bool:
    """A table row or a list of figures read as a sentence: mostly numbers, few words."""
    tokens = text.split()
    numbers = sum(1 for t in tokens if any(c.isdigit() for c in t))
    return len(tokens) > 0 and (numbers / len(tokens) > 0.4 or text.count("|") >= 2 or "\t" in text)


# a subject that only a reader of the sentence before can place: "The Committee considered …", "The platform
# has …", "The two countries agreed …" (a name after it, "The Indian Navy", or "The Act of 1952" qualifies it)
BARE_THE_SUBJECT = re.compile(
    r"^(?:[A-Z]\w+ly,\s+|(?:On|In|At|By|During|After|Before|Since|Earlier|Later|Meanwhile|Today|Yesterday)\b"
    r"[^,]{0,40}?,?\s+)?[Tt]he\s+(?:[a-z-]+\s+)?[A-Za-z-]+\s+(?:is|are|was|were|has|have|had|will|would|can|shall|"
    r"may|also|further|then|[a-z]+ed|[a-z]+s)\b")


_SUBJECT_END = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|can|could|shall|should|may|might|must|"
                          r"did|does|do)\b|\s(?:" + IRREGULAR_PAST + r")\b|\s[a-z]{3,}(?:ed|s)\b")


# a line that ends as a sentence ends (a stop, perhaps inside a closing quote or bracket): without one it is a
# heading, a table's column title, a list item or a sentence the page cut off
FINISHED = re.compile(r"[.!?][”’\"')\]]?\s*$")


# capitalised heads that name a kind of thing, not one thing: "The 2025 Bill", "The Portal", "The Commission"
GENERIC_HEADS = frozenset({"Bill", "Act", "Portal", "Commission", "Committee", "Scheme", "Mission", "Ministry",
                           "Department", "Government", "Council", "Board", "Authority", "Agreement", "Policy",
                           "Programme", "Program", "Project", "Platform", "Centre", "Center", "Fund", "Summit",
                           "Conference", "Meeting", "Report", "Rules", "Order", "Amendment", "Code", "Framework"})


def _names_something(subject: str, plurals_name: bool = True) -> bool:
    """A capitalised word in the subject that is no kind of thing ("The Terms of Reference", "Three Indian Navy
    ships"); a capitalised plural ("26 Members") names nobody when `plurals_name` is off."""
    return any(w not in GENERIC_HEADS and (plurals_name or not w.endswith("s") or w.isupper())
               for w in re.findall(r"\b[A-Z][\w&-]*", subject))


def unnamed_definite_subject(text: str) -> bool:
    """A subject that points back to something named earlier and names nothing itself: "The armies held …",
    "The 13th instalment of more than ₹16,800 crore reached …", "The 2nd issue of the journal was released …"
    (a capitalised word in it, "The Terms of Reference", names what it is)."""
    first = text.split(" ", 1)[0]
    if first != "The" and first not in GENERIC_HEADS:  # ("Bill was passed …": a reference cut short)
        return False
    start = 4 if first == "The" else 0
    end = _SUBJECT_END.search(text, start)
    subject = text[start:end.start()] if end else ""
    return bool(subject) and not _names_something(subject)


# "26 Members attended …", "Over 500 participants took part …", "Three officers were …": a count of people or
# things the sentence never names (a year is no count: "2025 marks …")
COUNT_OPEN = re.compile(r"^(?:(?:Over|More\s+than|About|Around|Nearly|Almost|Some|Only|A\s+total\s+of|As\s+many\s+as)"
                        r"\s+)?(?!(?:1[89]|20)\d\d\b)(?:\d[\d,]*|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|"
                        r"Twelve|Fifteen|Twenty|Fifty|Hundreds|Thousands|Dozens)\s+")


def counted_subject(text: str) -> bool:
    """A subject that is only a count of unnamed people or things: "26 Members attended …"."""
    opened = COUNT_OPEN.match(text)
    if not opened:
        return False
    end = _SUBJECT_END.search(text, opened.end() - 1)
    subject = text[opened.end():end.start()] if end else text[opened.end():]
    return not _names_something(subject, plurals_name=False)


def shouted(text: str) -> bool:
    """A heading in capitals ("OVERALL BUDGETARY DETAILS FOR …"), not a sentence."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def self_contained(text: str, *, need_verb: bool = True, in_context: bool = False) -> bool:
    """True when `text` can be shown to a learner on its own (see the module docstring). `in_context`: it is
    shown among its item's key points, under the item's title, where "the scheme", "he" or "Further, …" are
    understood; it must still be a whole sentence, no speech, no debris and no spoken opening ("And look …")."""
    text = " ".join(text.split())
    longest = MAX_CHARS_IN_CONTEXT if in_context else MAX_CHARS
    if not MIN_CHARS <= len(text) <= longest or not text[:1].isupper() and not text[:1].isdigit():
        return False
    if text.endswith(("?", ":", ",", ";")) or has_unbalanced_marks(text) or DANGLING_END.search(text):
        return False  # a question, a heading, a list item cut off
    if FIRST_PERSON.search(text) or QUOTE.search(text) or DEBRIS.search(text) or GLUED.search(text):
        return False
    if LABEL.match(text) or table_like(text) or shouted(text) or NUMERIC_DATE_START.match(text):
        return False
    if in_context:
        leans = spoken_open(text)
    else:
        leans = bool(is_anaphoric(text) or LEANING_OPEN.search(text) or PRONOUN.search(text)
                     or BARE_THE_SUBJECT.match(text) or SAME.search(text) or unnamed_definite_subject(text)
                     or counted_subject(text))
    return not leans and (not need_verb or has_finite_verb(text))
