"""Text fragments for the synthetic brede intakes and PIPs (``regie.demo.inhoud``).

Everything is invented: organisations are generic names, not real ones in the region. Goals are
written in the first person, in plain Dutch, as a case manager would type them after the
conversation.
"""

from __future__ import annotations

LANDEN = {
    "SYR": "Syrië",
    "ERI": "Eritrea",
    "AFG": "Afghanistan",
    "TUR": "Turkije",
    "YEM": "Jemen",
    "IRN": "Iran",
    "MAR": "Marokko",
    "IND": "India",
}
# Where people from these countries often went to school on the way (asylum).
DOORREISLANDEN = {
    "SYR": ["Libanon", "Turkije", "Jordanië"],
    "ERI": ["Ethiopië", "Soedan"],
    "AFG": ["Iran", "Pakistan"],
    "YEM": ["Saoedi-Arabië"],
    "IRN": ["Turkije"],
    "TUR": ["Turkije"],
}
# Preferred language of the ontwikkelplan (keuzes.TaalPersoon) by spoken language.
TAAL_PERSOON = {
    "Arabisch": "ar",
    "Tigrinya": "ti",
    "Dari": "fa",
    "Pashto": "ps",
    "Turks": "tr",
    "Farsi": "fa",
    "Hindi": "en",
    "Engels": "en",
    "Tamazight": "ar",
}

# (job, sector); by the education it usually comes with.
BEROEPEN_LAAG = [
    ("schoonmaker", "de schoonmaak"),
    ("boer", "de land- en tuinbouw"),
    ("magazijnmedewerker", "de logistiek"),
    ("productiemedewerker", "de industrie"),
    ("naaister", "de textiel"),
    ("bouwvakker", "de bouw"),
    ("verkoper op de markt", "de detailhandel"),
    ("herder", "de veeteelt"),
]
BEROEPEN_VAK = [
    ("kapper", "de kappersbranche"),
    ("elektricien", "de installatietechniek"),
    ("lasser", "de metaal"),
    ("timmerman", "de bouw"),
    ("chauffeur", "het transport"),
    ("kok", "de horeca"),
    ("bakker", "de voedingsindustrie"),
    ("automonteur", "de autotechniek"),
    ("schilder", "de bouw"),
    ("kleermaker", "de textiel"),
]
BEROEPEN_HOOG = [
    ("leraar", "het onderwijs"),
    ("verpleegkundige", "de zorg"),
    ("boekhouder", "de administratie"),
    ("apotheker", "de zorg"),
    ("civiel ingenieur", "de techniek"),
    ("ICT'er", "de ICT"),
    ("tandarts", "de zorg"),
    ("advocaat", "de advocatuur"),
]
MBO_OPLEIDINGEN = [
    "Verzorgende IG",
    "Eerste monteur elektrotechniek",
    "Logistiek medewerker",
    "Kok",
    "Pedagogisch medewerker",
    "Autotechnicus",
    "Medewerker ICT",
    "Doktersassistent",
]

DIPLOMA = {
    "voortgezet_diploma": [
        "Middelbareschooldiploma ({land}, {jaar})",
        "Baccalaureaat, wetenschappelijke richting ({land}, {jaar})",
        "Diploma secundair onderwijs ({land}, {jaar})",
    ],
    "beroeps": [
        "Diploma van een technisch instituut ({land}, {jaar})",
        "Vakdiploma {beroep} ({land}, {jaar})",
        "Tweejarige beroepsopleiding ({land}, {jaar})",
    ],
    "hoger": [
        "Bachelor, universiteit in {land} ({jaar})",
        "Diploma hogeschool, richting {sector} ({land}, {jaar})",
        "Master, universiteit in {land} ({jaar})",
    ],
}

CONTACTEN = [
    "Buurvrouw helpt met post en formulieren.",
    "Broer woont in Eindhoven.",
    "Neef in Venlo; ziet hem elke maand.",
    "Vrijwilliger van de maatschappelijke begeleiding.",
    "Contact met andere ouders op de basisschool.",
    "Landgenoten in de moskee.",
    "Kerkgemeenschap in de wijk.",
    "Schoonfamilie woont in dezelfde straat.",
    "Collega's van de partner.",
    "Vriendin van de taalles in het AZC.",
]
ACTIVITEITEN = [
    "Wandelt elke dag met de kinderen naar school.",
    "Helpt in het buurthuis bij de koffieochtend.",
    "Sport twee keer per week in de sportschool.",
    "Speelt voetbal bij een amateurclub.",
    "Gaat naar de taalcafé-avond in de bibliotheek.",
    "Kookt voor buren en landgenoten.",
    "Zorgt voor de kinderen en het huishouden.",
    "Helpt landgenoten met vertalen.",
]
INTERESSES = [
    "koken",
    "voetbal",
    "fietsen",
    "naaien",
    "tuinieren",
    "muziek",
    "lezen",
    "computers",
    "handwerk",
    "schaken",
    "wandelen",
    "techniek",
]

DOELEN_TAAL = [
    "Ik wil goed Nederlands leren.",
    "Ik wil zelf met de dokter en de school praten, zonder tolk.",
    "Ik wil de brieven van de gemeente zelf kunnen lezen.",
    "Nederlands praten met mijn buren.",
    "Ik wil mijn inburgering halen.",
]
DOELEN_WERK = [
    "Ik wil weer als {beroep} werken.",
    "Ik wil werk in {sector}.",
    "Werk vinden zodat ik geen uitkering meer nodig heb.",
    "Mijn eigen geld verdienen.",
]
DOELEN_STUDIE = [
    "Ik wil naar het mbo voor de opleiding {mbo}.",
    "Mijn diploma laten erkennen en verder studeren.",
    "Ik wil studeren aan de hogeschool.",
]
DOELEN_GEZIN = [
    "Mijn kinderen helpen met hun huiswerk.",
    "Praten met de juf van mijn kinderen.",
    "Een goede toekomst voor mijn kinderen.",
]
DOELEN_OVERIG = [
    "Mijn rijbewijs halen.",
    "Leren fietsen.",
    "Nieuwe mensen leren kennen in {woonplaats}.",
    "Zelf mijn geldzaken regelen.",
    "Vrijwilligerswerk doen en iets terugdoen.",
]

# Dual activities of the PIP: (omschrijving, organisatie, minimum and maximum hours per week).
DUAAL = {
    "werk": [
        ("Productiemedewerker via een uitzendbureau", "Uitzendbureau Zuid", 16, 32),
        ("Bijbaan in de bediening", "Eetcafé De Markt", 8, 16),
        ("Orderpicker", "Distributiecentrum Kempen", 24, 32),
        ("Werk in de kassenteelt", "Tuinbouwbedrijf Peelland", 20, 32),
    ],
    "werkervaring": [
        ("Werkervaringsplek in de groenvoorziening", "Werkbedrijf Midden-Limburg", 16, 24),
        ("Leerwerkplek in de zorg", "Zorgcentrum De Linde", 12, 20),
        ("Werkervaringsplek in de eigen vakrichting", "Leerwerkbedrijf De Brug", 16, 24),
    ],
    "vrijwilligerswerk": [
        ("Vrijwilliger in de kringloopwinkel", "Kringloop De Schakel", 4, 8),
        ("Helpt bij de uitgifte van de voedselbank", "Stichting Voedselhulp", 3, 6),
        ("Vrijwilliger bij de sportvereniging", "Sportvereniging De Zuidwal", 2, 6),
        ("Gastvrouw of gastheer in het buurthuis", "Stichting Buurtwerk", 4, 8),
    ],
    "participatie": [
        ("Participatieplek op de kinderboerderij", "Kinderboerderij Het Hofje", 6, 12),
        ("Activering: taalcafé en wijkactiviteiten", "Stichting Buurtwerk", 4, 8),
        ("Participatie in de dagbesteding", "Zorgboerderij De Hoeve", 6, 12),
    ],
    "opleiding": [
        ("Oriëntatie op het mbo (open dagen, proefstuderen)", "ROC Midden-Limburg", 2, 4),
        ("Voorbereidend jaar taalschakeltraject", "Taalschakelklas Zuid", 12, 16),
    ],
}

MAATSCHAPPELIJKE_BEGELEIDING = [
    "Maatschappelijke begeleiding door de vrijwilligers van de regio (twaalf maanden): hulp bij "
    "post, zorgverzekering en de weg in de gemeente.",
    "Twaalf maanden maatschappelijke begeleiding; eerste maanden wekelijks, daarna om de twee "
    "weken.",
]
ONTZORGEN = (
    "De eerste zes maanden worden huur, energie en zorgverzekering door de gemeente betaald uit "
    "de bijstand (art. 56a Participatiewet)."
)
OVERIGE_AFSPRAKEN = [
    "Voortgangsgesprek elke vier maanden.",
    "Kinderopvang is geregeld op de dagen van de taalles.",
    "De taalschool meldt verzuim binnen een week aan de klantregisseur.",
    "Na zes maanden bekijken we samen of er meer uren werk bij kunnen.",
    "",
]

# Deviations from the route advice, by kind (see ``intakevelden._routeprofiel``).
MOTIVATIE = {
    "onderwijs_ouder": [
        "{naam} is {leeftijd} jaar, maar volgde al voortgezet of beroepsonderwijs en heeft een "
        "duidelijk plan om verder te studeren ({studie}). De wet kent geen leeftijdsgrens voor "
        "de onderwijsroute; het taalschakeltraject past beter dan de B1-route.",
        "Ondanks de leeftijd ({leeftijd}) kiezen we de onderwijsroute: {naam} wil naar het "
        "{studie} en heeft daar de vooropleiding voor. De taalschool ziet dat als haalbaar.",
    ],
    "b1_ipv_onderwijs": [
        "{naam} wil eerst werken om het gezin te onderhouden en kiest zelf voor de B1-route "
        "met werk ernaast. Een mbo-opleiding kan later.",
    ],
    "b1_ipv_z": [
        "De leerbaarheidstoets is niet afgenomen. In de proeflessen leert {naam} snel "
        "lezen en schrijven; de taalschool adviseert de B1-route met alfabetisering.",
    ],
    "z_ipv_b1": [
        "De score op de leerbaarheidstoets haalt net de vereiste score, maar in de proeflessen "
        "blijkt B1 te zwaar (weinig schoolervaring, zware zorgtaken). In overleg gekozen voor de "
        "Z-route; bij de voortgangsgesprekken bekijken we of overstappen kan.",
        "Ernstige concentratieklachten na de vlucht; de huisarts en de taalschool adviseren "
        "eerst de Z-route. We bekijken over een half jaar of de B1-route haalbaar is.",
    ],
    "onderwijs_b1_ipv_b2": [
        "{naam} wil naar het hbo, maar begint met B1: de stap naar B2 volgt in het "
        "schakeljaar van de hogeschool. Afgesproken met de taalschool.",
    ],
}

LBT_OVERGESLAGEN_ANDERS = [
    "Niet afgenomen: de toetslocatie was maandenlang volgeboekt en de route is in overleg met "
    "de taalschool bepaald.",
    "Niet afgenomen vanwege een langdurige ziekenhuisopname in de toetsperiode.",
]
