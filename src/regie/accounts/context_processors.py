from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from regie.accounts import tweede_stap
from regie.accounts.permissions import heeft_recht


def navigatie(request: HttpRequest) -> dict[str, Any]:
    """What the main navigation may show: only the parts the user holds a right for, and
    nothing before the second login step is done (the pages would not open yet)."""
    user = getattr(request, "user", None)
    if (
        settings.TWEE_FACTOR_VERPLICHT
        and getattr(user, "is_authenticated", False)
        and not tweede_stap.bevestigd(request)
    ):
        user = None
    return {
        "nav": {
            "dossiers": heeft_recht(user, "dossiers.view_dossier"),
            "dossier_aanmaken": heeft_recht(user, "dossiers.add_dossier"),
            "audit": heeft_recht(user, "audit.view_auditgebeurtenis"),
            "parameters": heeft_recht(user, "core.view_regelparameter"),
            "werkitems": heeft_recht(user, "dossiers.view_dossier"),
            "duo_monitor": heeft_recht(user, "duo.view_monitor"),
            "duo_contactpersonen": heeft_recht(user, "duo.beheer_contactpersonen"),
            "beleid": heeft_recht(user, "core.view_aggregaten"),
            "prognose_beheer": heeft_recht(user, "forecasting.beheer_taakstelling"),
        }
    }
