"""Key dates of a dossier's timeline, stored on the dossier (``Dossier.eerste_pip_op`` …).

The timeline (``TijdlijnFeit``, append-only) is the source. Aggregates over many dossiers — the
policy dashboard over a whole installation — cannot afford to read every timeline per page,
so these few derived columns are recomputed from it, in one UPDATE, whenever facts are
recorded for a dossier (``regie.dossiers.services``), by the demo generator after a bulk
load, and by the migration that introduced them. They are never edited by hand.

- ``eerste_intake_op``: the first ``brede_intake_afgerond``;
- ``eerste_pip_op`` / ``eerste_pip_leerroute``: the first ``pip_vastgesteld`` and its route
  (a changed PIP is a later fact; the term runs from the first);
- ``tweede_gesprek_op``: the second ``voortgangsgesprek`` on or after the first PIP (the law
  asks for at least two in the twelve months after the start);
- ``voldaan_op``: the first SS106 (obligation met with a diploma);
- ``uren_totaal`` / ``uren_keurmerk``: hours followed, all and at providers with the quality
  mark, from ``uren`` facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import FloatField, OuterRef, Subquery, Sum, Value
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce

# The facts behind the key dates; recording any other fact leaves them as they are.
SOORTEN = frozenset({"brede_intake_afgerond", "pip_vastgesteld", "voortgangsgesprek", "uren"})
VOLDAAN_CODE = "SS106"


def telt_mee(soort: str, gegevens: dict[str, Any] | None) -> bool:
    """Whether a fact of this kind can change a key date (and so needs ``bijwerken``)."""
    if soort in SOORTEN:
        return True
    return soort == "duo_gebeurtenis" and (gegevens or {}).get("code") == VOLDAAN_CODE


def expressies(feit_model: Any) -> dict[str, Any]:
    """The UPDATE's value per column, as correlated subqueries on ``feit_model`` (the
    TijdlijnFeit model, or its historical version in a migration)."""
    van = feit_model.objects.filter(dossier_id=OuterRef("pk"))

    def eerste(soort: str, **gegevens: Any) -> Any:
        qs = van.filter(soort=soort, **{f"gegevens__{k}": v for k, v in gegevens.items()})
        return qs.order_by("datum", "id")

    eerste_pip = eerste("pip_vastgesteld")
    # The same date one subquery deeper: its OuterRef must reach past the talks' subquery.
    eerste_pip_datum_twee_niveaus = (
        feit_model.objects.filter(dossier_id=OuterRef(OuterRef("pk")), soort="pip_vastgesteld")
        .order_by("datum", "id")
        .values("datum")[:1]
    )
    uren = Cast(KeyTextTransform("uren", "gegevens"), FloatField())

    def som(**filters: Any) -> Subquery:
        qs = van.filter(soort="uren", **filters).order_by().values("dossier_id")
        return Subquery(qs.annotate(s=Sum(uren)).values("s")[:1], output_field=FloatField())

    return {
        "eerste_intake_op": Subquery(eerste("brede_intake_afgerond").values("datum")[:1]),
        "eerste_pip_op": Subquery(eerste_pip.values("datum")[:1]),
        # Text column, NOT NULL: a dossier without a PIP gets "".
        "eerste_pip_leerroute": Coalesce(
            Subquery(
                eerste_pip.annotate(r=KeyTextTransform("leerroute", "gegevens")).values("r")[:1]
            ),
            Value(""),
        ),
        "tweede_gesprek_op": Subquery(
            eerste("voortgangsgesprek")
            .filter(datum__gte=Subquery(eerste_pip_datum_twee_niveaus))
            .values("datum")[1:2]
        ),
        "voldaan_op": Subquery(eerste("duo_gebeurtenis", code=VOLDAAN_CODE).values("datum")[:1]),
        "uren_totaal": som(),
        "uren_keurmerk": som(gegevens__keurmerk=True),
    }


def bijwerken(
    dossier_ids: Iterable[Any] | None = None, *, dossier_model: Any = None, feit_model: Any = None
) -> int:
    """Recompute the key dates of these dossiers (all when ``None``) in one UPDATE; the
    models default to the current ones (a migration passes its historical ones)."""
    if dossier_model is None or feit_model is None:
        from regie.dossiers.models import Dossier, TijdlijnFeit

        dossier_model, feit_model = Dossier, TijdlijnFeit
    qs = dossier_model.objects.all()
    if dossier_ids is not None:
        ids = list(dossier_ids)
        if not ids:
            return 0
        qs = qs.filter(pk__in=ids)
    return qs.update(**expressies(feit_model))
