"""The conclusions of rules-contract.md, each computed by one named rule.

``bepaal_conclusies`` runs the rules in dependency order and passes each rule exactly the
findings it needs, so every dependency is visible in the signatures.
"""

from __future__ import annotations

from regie.rules.conclusies import gemeente, ondersteuning, pip, plicht, termijn
from regie.rules.dossier import Dossier
from regie.rules.parameters import Parameters
from regie.rules.uitkomst import Conclusies


def bepaal_conclusies(dossier: Dossier, parameters: Parameters) -> Conclusies:
    aow = plicht.aow_datum(dossier, parameters)
    meerderjarig = plicht.minimumleeftijd_datum(dossier, parameters)
    vanaf = plicht.plicht_vanaf(dossier, parameters, aow, meerderjarig)
    start = termijn.termijn_start(dossier)
    eind = termijn.termijn_eind(dossier, parameters, start)
    voldaan = plicht.plicht_voldaan_op(dossier, start, eind)
    plichtig = plicht.inburgeringsplichtig(dossier, vanaf, aow, voldaan)
    groep = plicht.doelgroep(dossier)
    return Conclusies(
        regime=plicht.regime(vanaf, plichtig),
        inburgeringsplichtig=plichtig,
        plicht_vanaf=vanaf,
        vrijstelling_diploma=plicht.vrijstelling_diploma(dossier),
        doelgroep=groep,
        regie_gemeente=gemeente.regie_gemeente(dossier),
        pip_uiterlijk=pip.pip_uiterlijk(dossier, parameters),
        termijn_start=start,
        termijn_eind=eind,
        map_vereist=termijn.map_vereist(dossier),
        pvt_vereist=termijn.pvt_vereist(dossier),
        zroute_uren_vereist=termijn.zroute_uren_vereist(dossier, parameters, start, groep),
        voortgangsgesprekken=termijn.voortgangsgesprekken(dossier, parameters, start),
        ontzorgen=ondersteuning.ontzorgen(dossier, parameters, vanaf, plichtig),
        maatschappelijke_begeleiding=ondersteuning.maatschappelijke_begeleiding(
            dossier, groep, vanaf, plichtig
        ),
        aow_datum=aow,
        plicht_voldaan_op=voldaan,
    )
