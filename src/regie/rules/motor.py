"""The engine: parse once, build the dossier as of the peildatum, apply every rule."""

from __future__ import annotations

from collections.abc import Mapping

from regie.rules.conclusies import bepaal_conclusies
from regie.rules.dossier import maak_dossier
from regie.rules.invoer import lees_invoer
from regie.rules.model import Invoer
from regie.rules.parameters import STANDAARD, Parameters
from regie.rules.uitkomst import Uitkomst
from regie.rules.vragen import beantwoord


def evalueer(invoer: Mapping[str, object], parameters: Parameters | None = None) -> Uitkomst:
    """Evaluate the contract's JSON input (decoded to a dict).

    ``parameters`` defaults to the national table (``STANDAARD``); overrides in the input's
    optional ``"parameters"`` key are applied on top of it. Raises ``InvoerFout`` on input that
    does not fit rules-contract.md. Never reads the clock: everything is relative to the
    input's ``peildatum``.
    """
    return evalueer_invoer(lees_invoer(invoer), parameters)


def evalueer_invoer(invoer: Invoer, parameters: Parameters | None = None) -> Uitkomst:
    """Evaluate already-typed input (for callers that build ``Invoer`` themselves)."""
    tabel = STANDAARD if parameters is None else parameters
    if invoer.parameterwijzigingen:
        tabel = tabel.met_wijzigingen(invoer.parameterwijzigingen)
    dossier = maak_dossier(invoer.peildatum, invoer.persoon, invoer.gebeurtenissen)
    conclusies = bepaal_conclusies(dossier, tabel)
    antwoorden = tuple(beantwoord(vraag, dossier, conclusies, tabel) for vraag in invoer.vragen)
    return Uitkomst(
        peildatum=invoer.peildatum, conclusies=conclusies, antwoorden=antwoorden, parameters=tabel
    )
