"""The events DUO recognises (Gebeurtenissen and Attentiesignalen of DUO's M2M documentation;
law.md §10.2) and what Regie fetches and does for each.

``ophalen`` names what to fetch from DUO (the notification itself carries only the event, the
person and a timestamp: DUO's notification pattern says the receiver fetches the data).
``opent_dossier``: the event makes the person this municipality's, so Regie may open a dossier
when it has none. ``taak``: the work item for the case manager ("" = the timeline is enough).
"""

from __future__ import annotations

from dataclasses import dataclass

# What can be fetched per event, and from which operation.
PLICHT = "plicht"  # getInburgeringsplichtByBsn
DOELGROEP = "doelgroep"  # getDoelgroepByBsn
TERMIJN = "termijn"  # getInburgeringstermijnByBsn
PIP = "pip"  # getPipByBsn
LBT = "lbt"  # getLbtResultatenByBsn
EXAMENNUMMER = "examennummer"  # getExamennummerByBsn
EXAMENS = "examens"  # getExamenresultatenByBsn
VRIJSTELLINGEN = "vrijstellingen"  # getVrijstellingenByBsn
ONTHEFFINGEN = "ontheffingen"  # getOntheffingenByBsn

OPHAAL_METHODE = {
    PLICHT: "get_inburgeringsplicht_by_bsn",
    DOELGROEP: "get_doelgroep_by_bsn",
    TERMIJN: "get_inburgeringstermijn_by_bsn",
    PIP: "get_pip_by_bsn",
    LBT: "get_lbt_resultaten_by_bsn",
    EXAMENNUMMER: "get_examennummer_by_bsn",
    EXAMENS: "get_examenresultaten_by_bsn",
    VRIJSTELLINGEN: "get_vrijstellingen_by_bsn",
    ONTHEFFINGEN: "get_ontheffingen_by_bsn",
}


@dataclass(frozen=True)
class Gebeurtenis:
    code: str
    omschrijving: str
    ophalen: tuple[str, ...] = ()
    opent_dossier: bool = False
    taak: str = ""


_NIEUW = (PLICHT, DOELGROEP)

CATALOGUS: dict[str, Gebeurtenis] = {
    g.code: g
    for g in (
        # Nieuwe inburgeringsplichtige
        Gebeurtenis("SS101", "Persoon is inburgeringsplichtig", _NIEUW, opent_dossier=True),
        Gebeurtenis(
            "SS128",
            "Inburgeringsplichtig, bereikt AOW-leeftijd binnen 6 maanden",
            _NIEUW,
            opent_dossier=True,
            taak="AOW-leeftijd binnen 6 maanden: bespreek of een traject nog zinvol is",
        ),
        Gebeurtenis(
            "SS139",
            "Inburgeringsplichtig, termijn van 10 weken voor de leerroute gestart",
            _NIEUW,
            opent_dossier=True,
            taak="10-wekentermijn voor het PIP loopt: plan de brede intake",
        ),
        Gebeurtenis(
            "SS129",
            "Tijdelijke vrijstelling ingetrokken, nog geen leerroute",
            (*_NIEUW, VRIJSTELLINGEN),
            opent_dossier=True,
            taak="Tijdelijke vrijstelling ingetrokken: stel de leerroute vast",
        ),
        # Wijziging van gemeente
        Gebeurtenis(
            "SS120",
            "In gemeente gevestigd zonder PIP",
            _NIEUW,
            opent_dossier=True,
            taak="Gevestigd zonder PIP: plan de brede intake",
        ),
        Gebeurtenis(
            "SS121",
            "In gemeente gevestigd met PIP van vorige gemeente",
            (*_NIEUW, PIP, TERMIJN),
            opent_dossier=True,
            taak="Gevestigd met PIP van de vorige gemeente: beoordeel of een nieuw PIP nodig is",
        ),
        # Wijziging doelgroep
        Gebeurtenis(
            "SS124",
            "Doelgroep gewijzigd: asielstatushouder naar gezinsmigrant/overige migrant",
            (DOELGROEP,),
            taak="Doelgroep gewijzigd: controleer aanbod en begeleiding",
        ),
        Gebeurtenis(
            "SS125",
            "Doelgroep gewijzigd: gezinsmigrant/overige migrant naar asielstatushouder",
            (DOELGROEP,),
            taak="Doelgroep gewijzigd: bied het inburgeringsaanbod en begeleiding aan",
        ),
        # Intrekken inburgeringsplicht
        Gebeurtenis(
            "SS109",
            "Tijdelijke vrijstelling toegekend",
            (VRIJSTELLINGEN,),
            taak="Tijdelijke vrijstelling: vul de administratie van inspanningen aan",
        ),
        Gebeurtenis(
            "SS110",
            "Inburgeringsplicht ingetrokken",
            (PLICHT,),
            taak="Inburgeringsplicht ingetrokken: rond het dossier af",
        ),
        Gebeurtenis(
            "SS111", "Persoon is overleden", (PLICHT,), taak="Persoon overleden: sluit het dossier"
        ),
        # Inburgeringsplicht voldaan
        Gebeurtenis(
            "SS106",
            "Diploma behaald",
            (PLICHT,),
            taak="Inburgeringsplicht voldaan (diploma): rond het dossier af",
        ),
        Gebeurtenis(
            "SS107",
            "Gehele vrijstelling toegekend",
            (PLICHT, VRIJSTELLINGEN),
            taak="Inburgeringsplicht voldaan (vrijstelling): rond het dossier af",
        ),
        Gebeurtenis(
            "SS108",
            "Gehele ontheffing toegekend",
            (PLICHT, ONTHEFFINGEN),
            taak="Inburgeringsplicht voldaan (ontheffing): rond het dossier af",
        ),
        # Leerroute en termijn vastgesteld
        Gebeurtenis(
            "SS137",
            "Aangemeld voor de leerbaarheidstoets",
            (EXAMENNUMMER,),
            taak="Aangemeld voor de leerbaarheidstoets: plan de toets met een toetsbegeleider",
        ),
        Gebeurtenis(
            "SS131",
            "Uitslag leerbaarheidstoets bekend",
            (LBT,),
            taak="Uitslag leerbaarheidstoets bekend: kies met de brede intake de leerroute",
        ),
        Gebeurtenis("SS102", "Inburgeringstermijn gestart", (TERMIJN,)),
        # Termijn gewijzigd
        Gebeurtenis(
            "SS103",
            "Termijn ambtshalve verlengd",
            (TERMIJN,),
            taak="Termijn verlengd: pas de planning aan",
        ),
        Gebeurtenis(
            "SS104",
            "Termijn op verzoek verlengd",
            (TERMIJN,),
            taak="Termijn verlengd: pas de planning aan",
        ),
        Gebeurtenis(
            "SS130",
            "Tijdelijke vrijstelling ingetrokken, PIP al bekend: plicht hervat",
            (TERMIJN, PIP, VRIJSTELLINGEN),
            taak="Inburgeringsplicht hervat: pak het traject weer op",
        ),
        # Verzoeken inburgeraar
        Gebeurtenis("SS113", "Verzoek verlenging afgewezen", taak="Verzoek verlenging afgewezen"),
        Gebeurtenis(
            "SS114",
            "Verzoek gehele vrijstelling afgewezen",
            (VRIJSTELLINGEN,),
            taak="Verzoek vrijstelling afgewezen",
        ),
        Gebeurtenis(
            "SS115",
            "Verzoek tijdelijke vrijstelling afgewezen",
            (VRIJSTELLINGEN,),
            taak="Verzoek tijdelijke vrijstelling afgewezen",
        ),
        Gebeurtenis(
            "SS116",
            "Verzoek gedeeltelijke vrijstelling afgewezen",
            (VRIJSTELLINGEN,),
            taak="Verzoek gedeeltelijke vrijstelling afgewezen",
        ),
        Gebeurtenis(
            "SS117",
            "Verzoek gedeeltelijke vrijstelling toegekend",
            (VRIJSTELLINGEN,),
            taak="Gedeeltelijke vrijstelling toegekend: pas het PIP zo nodig aan",
        ),
        Gebeurtenis(
            "SS118",
            "Verzoek ontheffing afgewezen",
            (ONTHEFFINGEN,),
            taak="Verzoek ontheffing afgewezen",
        ),
        Gebeurtenis(
            "SS119",
            "Verzoek gedeeltelijke ontheffing toegekend",
            (ONTHEFFINGEN,),
            taak="Gedeeltelijke ontheffing toegekend: pas het PIP zo nodig aan",
        ),
        # Examenresultaten
        Gebeurtenis(
            "SS199",
            "Uitslag examen bekend",
            (EXAMENS,),
            taak="Examenuitslag bekend: bespreek de voortgang",
        ),
        # Attentiesignalen (DUO's SDI008, announced; accepted here when they arrive)
        Gebeurtenis(
            "SS112", "Verzoek verlenging ingediend", taak="Verzoek verlenging: geef advies aan DUO"
        ),
        Gebeurtenis(
            "SS122",
            "Vertrokken naar andere gemeente",
            taak="Vertrokken naar andere gemeente: vul inspanningen en resultaten aan",
        ),
        Gebeurtenis(
            "SS123",
            "Vertrokken uit Nederland",
            taak="Vertrokken uit Nederland: vul inspanningen en resultaten aan",
        ),
        Gebeurtenis(
            "SS126",
            "Na 10 weken nog geen leerroute",
            taak="Na 10 weken nog geen leerroute: stel het PIP vast",
        ),
        Gebeurtenis(
            "SS127",
            "Nog geen inburgeringsaanbod ontvangen",
            taak="Nog geen inburgeringsaanbod bij DUO: lever het aanbod aan",
        ),
        Gebeurtenis(
            "SS132",
            "Opleidingscontract ontvangen, nog geen PIP",
            taak="Opleidingscontract zonder PIP: stel het PIP vast",
        ),
        Gebeurtenis(
            "SS133",
            "Opleidingscontract met taalniveau niet conform de leerroute",
            taak="Opleidingscontract past niet bij de leerroute: neem contact op",
        ),
        Gebeurtenis(
            "SS135",
            "Opleidingscontract met te hoog taalniveau (Z-route)",
            taak="Opleidingscontract past niet bij de Z-route: neem contact op",
        ),
        Gebeurtenis(
            "SS136",
            "Opleidingscontract taalschakeltraject zonder onderwijsroute",
            taak="Taalschakeltraject zonder onderwijsroute: neem contact op",
        ),
        Gebeurtenis(
            "SS140",
            "Verzoek ontheffing op bijzondere individuele omstandigheden",
            taak="Verzoek ontheffing (BIO): geef advies aan DUO",
        ),
        Gebeurtenis(
            "SS141",
            "Certificaat Z-route beschikbaar in het portaal",
            taak="Z-route voldaan: download de tekst voor het certificaat in het portaal",
        ),
        Gebeurtenis(
            "SS142",
            "Niet-vrijstellende opleiding beëindigd wegens uitschrijving",
            taak="Opleiding beëindigd: neem contact op en herzie zo nodig het PIP",
        ),
    )
}
