"""The one place that answers "may this user do X for municipality Y?".

Rights are Django permissions ("app_label.codename") attached to a Rol; a user has a right for
a municipality only through a Lidmaatschap. Superuser status grants nothing: deny by default.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from regie.accounts.models import Lidmaatschap

_CACHE_ATTR = "_regie_rechten_per_gemeente"


def rechten_per_gemeente(user: Any) -> dict[str, frozenset[int]]:
    """Map each right to the ids of the municipalities the user holds it for (cached per user
    object, i.e. per request)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    rows = Lidmaatschap.objects.filter(gebruiker_id=user.pk).values_list(
        "gemeente_id",
        "rol__rechten__content_type__app_label",
        "rol__rechten__codename",
    )
    result: dict[str, set[int]] = defaultdict(set)
    for gemeente_id, app_label, codename in rows:
        if codename:
            result[f"{app_label}.{codename}"].add(gemeente_id)
    frozen = {recht: frozenset(ids) for recht, ids in result.items()}
    setattr(user, _CACHE_ATTR, frozen)
    return frozen


def gemeenten_met_recht(user: Any, recht: str) -> frozenset[int]:
    return rechten_per_gemeente(user).get(recht, frozenset())


def heeft_recht(user: Any, recht: str, gemeente_id: int | None = None) -> bool:
    """Whether the user holds ``recht`` for ``gemeente_id``, or for any municipality."""
    gemeenten = gemeenten_met_recht(user, recht)
    if gemeente_id is None:
        return bool(gemeenten)
    return gemeente_id in gemeenten


def vergeet_rechten(user: Any) -> None:
    """Drop the per-request cache (after a membership change in the same request)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
