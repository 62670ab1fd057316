"""Answers to the questions (vragen) of rules-contract.md, one named rule per action.

Each question is answered against the events alone: answers never change the facts for one
another.
"""

from __future__ import annotations

from regie.rules import model as m
from regie.rules.dossier import Dossier
from regie.rules.parameters import Parameters
from regie.rules.uitkomst import Antwoord, Conclusies
from regie.rules.vragen import aanbod, afschalen, boete, examen, pip, registratie


def beantwoord(
    vraag: m.Vraag, dossier: Dossier, conclusies: Conclusies, parameters: Parameters
) -> Antwoord:
    match vraag:
        case m.PipAanleveren():
            return pip.pip_aanleveren(vraag, dossier, conclusies)
        case m.Afschalen():
            return afschalen.afschalen(vraag, dossier, parameters)
        case m.DatumRegistreren():
            return registratie.datum_registreren(vraag, dossier, conclusies)
        case m.VerwijtbaarMelden():
            return registratie.verwijtbaar_melden(vraag, dossier, conclusies, parameters)
        case m.AanbodAanleveren():
            return aanbod.aanbod_aanleveren(vraag, dossier, conclusies)
        case m.BoeteOpleggen():
            return boete.boete_opleggen(vraag, dossier, conclusies, parameters)
        case m.ExamenGratis():
            return examen.examen_gratis(vraag, dossier, conclusies, parameters)
    raise TypeError(f"unknown question type {type(vraag).__name__}")  # pragma: no cover
