"""The error answers in the published OpenAPI schema (targets R-03).

drf-spectacular documents what a view returns when all goes well. Every API view can also
answer with a problem document (RFC 9457, ``problems.py``): 400 for invalid input, 401 without
credentials, 403 without the right, 404 for an object outside the user's municipalities or an
invalid page cursor, 406 for an ``Accept`` it cannot serve, 415 for a body that is not JSON.
This postprocessing hook adds those to every operation, with one ``Probleem`` schema, so the
schema is the whole contract that the schema-generated tests hold the API to.
"""

from __future__ import annotations

from typing import Any

from regie.api.problems import PROBLEM_CONTENT_TYPE

PROBLEEM = {
    "type": "object",
    "description": "Foutmelding volgens RFC 9457 (application/problem+json).",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
                "required": ["name", "reason"],
            },
        },
    },
    "required": ["type", "title", "status"],
}
FOUTEN = {
    "400": "Ongeldige invoer",
    "401": "Niet ingelogd",
    "403": "Geen toegang",
    "404": "Niet gevonden (of buiten de gemeenten van de gebruiker)",
    "406": "Gevraagd mediatype niet leverbaar",
}
MET_BODY = {"415": "Mediatype niet ondersteund"}


def probleem_antwoorden(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]: document the problem answers."""
    result.setdefault("components", {}).setdefault("schemas", {})["Probleem"] = PROBLEEM
    verwijzing = {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Probleem"}}}
    for pad, operaties in result.get("paths", {}).items():
        if pad.endswith("/schema/"):
            continue  # the schema itself: public, no errors of its own
        for methode, operatie in operaties.items():
            fouten = dict(FOUTEN)
            if methode in ("post", "put", "patch"):
                fouten.update(MET_BODY)
            for code, omschrijving in fouten.items():
                operatie["responses"].setdefault(
                    code, {"description": omschrijving, "content": verwijzing}
                )
    return result
