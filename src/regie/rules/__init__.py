"""regie.rules: the Wet inburgering 2021 as code.

Pure and typed: no Django, no clock. Every rule returns its value, its legal basis
(``Grondslag``: regeling, artikel, zekerheid) and a short trace. See docs/rules.md.

Public API::

    from regie.rules import evalueer, InvoerFout, Parameters
    uitkomst = evalueer(invoer_dict)                # raises InvoerFout(veld, melding)
    uitkomst.als_json()                             # the contract's output + "trace"
    uitkomst.conclusie("pip_uiterlijk").waarde      # .grondslagen, .trace
    uitkomst.antwoorden[0].toegestaan               # .redenen, .weigeringen, .trace
"""

from regie.rules.fouten import InvoerFout
from regie.rules.grondslagen import Grondslag, Zekerheid
from regie.rules.motor import evalueer, evalueer_invoer
from regie.rules.parameters import (
    STANDAARD,
    ParameterDefinitie,
    ParameterNaam,
    Parameters,
    ParameterWaarde,
    ParameterWijziging,
)
from regie.rules.uitkomst import (
    CONCLUSIENAMEN,
    Antwoord,
    Bevinding,
    Conclusies,
    Reden,
    Uitkomst,
    Weigering,
)

__all__ = [
    "CONCLUSIENAMEN",
    "STANDAARD",
    "Antwoord",
    "Bevinding",
    "Conclusies",
    "Grondslag",
    "InvoerFout",
    "ParameterDefinitie",
    "ParameterNaam",
    "ParameterWaarde",
    "ParameterWijziging",
    "Parameters",
    "Reden",
    "Uitkomst",
    "Weigering",
    "Zekerheid",
    "evalueer",
    "evalueer_invoer",
]
