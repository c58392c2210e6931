"""World regions, so a wrong country in a question is a neighbour of the right one.

A paper-setter swaps Saudi Arabia for Oman or Qatar, never for Liechtenstein: a distractor from the other side
of the world gives itself away. Regions follow the usual subregions of the world (a few merged where a subregion
has too few countries to offer three alternatives)."""

from __future__ import annotations

from gistbook.text import fold

_REGIONS: dict[str, str] = {
    "south asia": "India, Pakistan, Bangladesh, Sri Lanka, Nepal, Bhutan, Maldives, Afghanistan",
    "southeast asia": "Indonesia, Malaysia, Singapore, Thailand, Vietnam, Philippines, Myanmar, Cambodia, Laos, "
                      "Brunei, Timor-Leste",
    "east asia": "China, Japan, South Korea, North Korea, Mongolia, Taiwan",
    "central asia": "Kazakhstan, Uzbekistan, Turkmenistan, Kyrgyzstan, Tajikistan",
    "gulf": "Saudi Arabia, United Arab Emirates, UAE, Qatar, Oman, Kuwait, Bahrain, Yemen, Iran, Iraq",
    "levant and caucasus": "Israel, Jordan, Lebanon, Syria, Turkey, Türkiye, Palestine, Cyprus, Armenia, Azerbaijan, "
                           "Georgia",
    "north africa": "Egypt, Libya, Tunisia, Algeria, Morocco, Sudan",
    "west africa": "Nigeria, Ghana, Senegal, Côte d'Ivoire, Ivory Coast, Mali, Burkina Faso, Niger, Guinea, "
                   "Sierra Leone, Liberia, Togo, Benin, Gambia, Guinea-Bissau, Cabo Verde, Mauritania",
    "east africa": "Kenya, Ethiopia, Tanzania, Uganda, Rwanda, Burundi, Somalia, Djibouti, Eritrea, South Sudan, "
                   "Mauritius, Seychelles, Madagascar, Comoros, Mozambique",
    "central and southern africa": "South Africa, Botswana, Namibia, Zimbabwe, Zambia, Malawi, Angola, Lesotho, "
                                   "Eswatini, Democratic Republic of the Congo, Congo, Cameroon, Gabon, Chad, "
                                   "Central African Republic, Equatorial Guinea",
    "northern europe": "United Kingdom, UK, Ireland, Norway, Sweden, Finland, Denmark, Iceland, Estonia, Latvia, "
                       "Lithuania",
    "western europe": "France, Germany, Netherlands, Belgium, Luxembourg, Switzerland, Austria, Liechtenstein, "
                      "Monaco",
    "southern europe": "Italy, Spain, Portugal, Greece, Malta, Croatia, Slovenia, Serbia, Bosnia and Herzegovina, "
                       "Montenegro, North Macedonia, Albania, San Marino, Andorra",
    "eastern europe": "Russia, Ukraine, Belarus, Poland, Czech Republic, Czechia, Slovakia, Hungary, Romania, "
                      "Bulgaria, Moldova",
    "north america": "United States, USA, US, Canada, Mexico",
    "central america and caribbean": "Guatemala, Honduras, El Salvador, Nicaragua, Costa Rica, Panama, Belize, Cuba, "
                                     "Jamaica, Haiti, Dominican Republic, Trinidad and Tobago, Barbados, Bahamas, "
                                     "Guyana, Suriname",
    "south america": "Brazil, Argentina, Chile, Peru, Colombia, Venezuela, Ecuador, Bolivia, Paraguay, Uruguay",
    "oceania": "Australia, New Zealand, Fiji, Papua New Guinea, Solomon Islands, Vanuatu, Samoa, Tonga, Kiribati, "
               "Tuvalu, Nauru, Palau, Marshall Islands, Micronesia",
}
# other names of a country listed above: never offered as an alternative of their own
ALIASES = frozenset({"uae", "usa", "us", "uk", "turkiye", "czechia", "ivory coast", "congo"})
REGION_OF: dict[str, str] = {fold(country.strip()): region for region, names in _REGIONS.items()
                             for country in names.split(",")}


def region_of(country: str) -> str | None:
    """The region of a country's name (as stored, any case or accents), or None when it is not known."""
    return REGION_OF.get(fold(country.strip()))


def neighbours(country: str, stored: list[str]) -> list[str]:
    """Other countries of `country`'s region: those the store names first (in their given order), then the rest
    of the region; none when its region is unknown, since a far-off country is no fair alternative."""
    region = region_of(country)
    if region is None:
        return []
    listed = [name.strip() for name in _REGIONS[region].split(",")]
    out: list[str] = []
    seen = {fold(country)}
    for name in [*stored, *listed]:
        key = fold(name)
        if region_of(name) == region and key not in seen and key not in ALIASES:
            seen.add(key)
            out.append(name)
    return out
