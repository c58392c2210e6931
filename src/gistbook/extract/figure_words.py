"""Word lists for figures: currencies, measures, and the words that tell counts from names."""

from __future__ import annotations

# fmt: off
# currency marks and words → ISO 4217 codes
CURRENCY_CODES: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "us dollar": "USD", "us dollars": "USD", "dollar": "USD",
    "dollars": "USD", "cad": "CAD", "cad$": "CAD", "c$": "CAD", "a$": "AUD", "aud": "AUD", "s$": "SGD", "sgd": "SGD",
    "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "rupee": "INR", "rupees": "INR", "€": "EUR", "eur": "EUR",
    "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pound sterling": "GBP", "pounds sterling": "GBP",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY",
}
# unit words → (canonical unit, factor): "LMT" is lakh metric tonnes
MEASURES: dict[str, tuple[str, float]] = {
    "km": ("km", 1), "kms": ("km", 1), "kilometre": ("km", 1), "kilometres": ("km", 1), "kilometer": ("km", 1),
    "kilometers": ("km", 1), "km2": ("sq km", 1), "km²": ("sq km", 1), "metres": ("m", 1), "meters": ("m", 1),
    "mw": ("MW", 1), "megawatt": ("MW", 1), "megawatts": ("MW", 1), "gw": ("GW", 1), "gigawatt": ("GW", 1),
    "gigawatts": ("GW", 1), "hactare": ("hectares", 1), "hactares": ("hectares", 1),  # a common misspelling
    "kw": ("kW", 1), "kwh": ("kWh", 1), "mwh": ("MWh", 1), "gwh": ("GWh", 1),
    "mu": ("MU", 1), "bu": ("BU", 1), "tonnes": ("tonnes", 1), "tonne": ("tonnes", 1), "tons": ("tonnes", 1),
    "mt": ("tonnes", 1), "lmt": ("tonnes", 100000.0), "mmt": ("tonnes", 1000000.0), "kg": ("kg", 1),
    "quintals": ("quintals", 1), "quintal": ("quintals", 1), "hectares": ("hectares", 1), "hectare": ("hectares", 1),
    "ha": ("hectares", 1), "acres": ("acres", 1), "acre": ("acres", 1), "litres": ("litres", 1),
    "liters": ("litres", 1), "mld": ("MLD", 1), "tpa": ("TPA", 1), "mwe": ("MWe", 1), "mus": ("MU", 1),
    "teu": ("TEU", 1), "teus": ("TEU", 1), "mbps": ("Mbps", 1), "gbps": ("Gbps", 1), "gb": ("GB", 1),
    "tb": ("TB", 1), "mtpa": ("MTPA", 1), "bcm": ("BCM", 1), "cusecs": ("cusecs", 1), "knots": ("knots", 1),
}
# a number after these names something (Phase 2, Section 8), it does not count
ID_WORDS = {
    "act", "amendment", "annexure", "article", "articles", "batch", "block", "chapter", "class", "classes",
    "clause", "code",
    "dated", "day", "edition", "fig", "figure", "flight", "g", "gallery", "gate", "grade", "hall", "id", "item",
    "level", "list", "mk", "model", "month", "nh", "no", "nos", "number", "order", "page", "para", "paragraph",
    "part", "phase", "pin", "platform", "plot", "report", "room", "round", "route", "rule", "rules", "s", "schedule",
    "season", "section", "sections", "sector", "serial", "sh", "sl", "stage", "table", "tier", "train", "version",
    "vide", "vol", "volume", "ward", "week", "year",
}
# a number word after these refers ("the two countries"), it does not count
DEFINITE = {
    "all", "both", "each", "every", "first", "its", "last", "other", "the", "their", "these", "those",
}
# words that end the noun phrase a number counts
STOP = {
    "a", "about", "across", "after", "against", "also", "among", "an", "and", "are", "around", "as", "at", "be",
    "been", "before", "being", "between", "but", "by", "can", "could", "during", "each", "far", "for", "from", "had",
    "has", "have", "if", "in", "including", "into", "is", "its", "less", "like", "may", "might", "more", "must",
    "of", "on", "or", "over", "per", "shall", "should", "since", "so", "such", "than", "that", "the", "their",
    "these", "this", "those", "through", "till", "to", "under", "until", "up", "via", "was", "were", "when", "where",
    "which", "while", "who", "will", "with", "within", "would",
}
# words ending in s that are not plural nouns
NOT_PLURAL = {
    "access", "across", "address", "afterwards", "always", "analysis", "as", "atlas", "awareness", "basis",
    "besides", "bonus", "boss", "bus", "business", "bypass", "campus", "canvas", "census", "chess", "class",
    "corpus", "crisis", "cross", "dress", "express", "fitness", "focus", "gas", "glass", "grass", "gross", "has",
    "is", "its", "lens", "less", "loss", "mass", "news", "nexus", "pass", "perhaps", "plus", "previous", "process",
    "progress", "readiness", "series", "status", "stress", "success", "surplus", "this", "thus", "towards", "unless",
    "us", "various", "virus", "was", "whereas",
}
# plural or mass nouns without a final s
COLLECTIVE = {
    "aircraft", "cattle", "children", "data", "equipment", "fish", "livestock", "manpower", "men", "people",
    "personnel", "police", "population", "sheep", "staff", "women", "workforce", "youth",
}
# dropped from the front of a counted noun phrase
LEADING_ADJECTIVES = {
    "about", "additional", "approximately", "around", "crore", "different", "existing", "key", "lakh", "major",
    "million", "more", "nearly", "new", "other", "over", "total", "various",
}
# after "N things and X", these show X is a verb taking an object ("members and operates a chain")
OBJECT_STARTERS = {
    "a", "about", "all", "an", "around", "his", "her", "its", "many", "more", "nearly", "new", "out", "over",
    "several", "some", "the", "their", "these", "this", "those", "up",
}
# -ing words that name an activity inside a noun phrase ("sports manufacturing clusters"), not a participle
MODIFIER_GERUNDS = {
    "banking", "building", "computing", "engineering", "farming", "fishing", "housing", "learning",
    "manufacturing", "marketing", "mining", "packaging", "parking", "processing", "shipping", "testing",
    "training", "warehousing",
}
# capitalised words that can open a sentence before a plain number ("Over 3.0 lakh hectares")
QUANTIFIERS = {
    "about", "above", "almost", "and", "approximately", "around", "at", "below", "by", "for", "from", "in",
    "nearly", "of", "only", "over", "some", "than", "to", "total", "under", "upto", "with",
}
# fmt: on
