"""Read endpoints for dossiers, scoped and audited exactly like the screens."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regie.accounts.permissions import heeft_recht
from regie.api.problems import problem
from regie.api.serializers import (
    DossierDetailSerializer,
    DossierLijstSerializer,
    ZoekVraagSerializer,
)
from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis
from regie.dossiers import regels, selectors
from regie.dossiers.models import Dossier
from regie.rules import InvoerFout, evalueer


class HeeftRecht:
    """Mixin: the caller must hold ``recht`` for at least one municipality (else 403)."""

    recht = "dossiers.view_dossier"

    def initial(self, request: Request, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if not heeft_recht(request.user, self.recht):
            raise PermissionDenied()


class DossierCursor(CursorPagination):
    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"
    ordering = ("-aangemaakt_op", "-id")

    def get_page_size(self, request: Request) -> int:
        """DRF falls back to the default for a page size it cannot read; Regie says so (400)
        instead of answering something else than was asked."""
        waarde = request.query_params.get(self.page_size_query_param)
        if waarde is None:
            return self.page_size
        if not waarde.isdigit() or not 1 <= int(waarde) <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: (
                        f"Een geheel getal van 1 tot en met {self.max_page_size}."
                    )
                }
            )
        return int(waarde)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
        return parameters


@extend_schema(tags=["dossiers"], summary="Dossiers in de gemeenten van de gebruiker")
class DossierLijst(HeeftRecht, generics.ListAPIView):
    serializer_class = DossierLijstSerializer
    pagination_class = DossierCursor

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return Dossier.objects.for_user(self.request.user).select_related(
            "inburgeraar", "regie_gemeente", "klantregisseur"
        )

    def list(self, request: Request, *args, **kwargs) -> Response:  # type: ignore[no-untyped-def]
        response = super().list(request, *args, **kwargs)
        audit.log(
            actor=request.user,
            request=request,
            actie=AuditGebeurtenis.Actie.LIJST,
            object_type="dossier",
            gegevens={"api": True, "aantal_getoond": len(response.data.get("results", []))},
        )
        return response


@extend_schema(tags=["dossiers"], summary="Eén dossier met persoon en tijdlijn")
class DossierDetail(HeeftRecht, generics.RetrieveAPIView):
    serializer_class = DossierDetailSerializer
    lookup_url_kwarg = "dossier_id"

    def get_object(self) -> Dossier:
        try:
            dossier = selectors.dossier_voor_gebruiker(self.request.user, self.kwargs["dossier_id"])
        except Dossier.DoesNotExist as exc:
            raise Http404 from exc
        dossier.tijdlijn_feiten = selectors.tijdlijn(dossier)
        return dossier

    def retrieve(self, request: Request, *args, **kwargs) -> Response:  # type: ignore[no-untyped-def]
        dossier = self.get_object()
        audit.gelezen(
            request,
            object_type="dossier",
            object_id=dossier.pk,
            dossier_id=dossier.pk,
            api=True,
        )
        return Response(self.get_serializer(dossier).data)


class DossierZoeken(HeeftRecht, APIView):
    """Search by POST body, so a BSN is never part of a URL or an access log."""

    @extend_schema(
        tags=["dossiers"],
        summary="Zoek dossiers op BSN, V-nummer of achternaam",
        request=ZoekVraagSerializer,
        responses=DossierLijstSerializer(many=True),
    )
    def post(self, request: Request) -> Response:
        vraag = ZoekVraagSerializer(data=request.data)
        vraag.is_valid(raise_exception=True)
        veld, waarde = next(iter(vraag.validated_data.items()))
        rijen = list(
            selectors.caseload_queryset(
                request.user, selectors.CaseloadFilter(zoekterm=waarde)
            ).order_by("inburgeraar__zoeknaam", "pk")[:50]
        )
        audit.log(
            actor=request.user,
            request=request,
            actie=AuditGebeurtenis.Actie.ZOEKEN,
            object_type="inburgeraar",
            gegevens={"api": True, "zoeksoort": veld, "aantal_gevonden": len(rijen)},
        )
        return Response(DossierLijstSerializer(rijen, many=True).data)


class RegelEvaluatie(APIView):
    """The rules engine over HTTP: the same contract as ``regie rules evaluate``."""

    @extend_schema(
        tags=["regels"],
        summary="Evalueer de regels van de Wet inburgering 2021 voor een scenario",
        description=(
            "Invoer en uitvoer volgen het regelcontract (docs/rules.md): `peildatum`, `persoon`, "
            "`gebeurtenissen`, `vragen`; antwoord met `conclusies`, `grondslagen`, "
            "`antwoorden` en `trace`. Foute invoer geeft 400 met het veld in `invalid_params`."
        ),
        request={"application/json": OpenApiTypes.OBJECT},
        responses={200: OpenApiTypes.OBJECT},
    )
    def post(self, request: Request) -> Response:
        if not isinstance(request.data, dict):
            return problem(400, "Verwacht een JSON-object.")
        try:
            uitkomst = evalueer(request.data)
        except InvoerFout as fout:
            return problem(400, fout.melding, [{"name": fout.veld, "reason": fout.melding}])
        return Response(uitkomst.als_json())


@extend_schema(
    tags=["dossiers"],
    summary="Conclusies van de regels voor één dossier (termijnen, rechten, grondslagen)",
    responses={200: OpenApiTypes.OBJECT},
)
class DossierConclusies(HeeftRecht, APIView):
    def get(self, request: Request, dossier_id) -> Response:  # type: ignore[no-untyped-def]
        try:
            dossier = selectors.dossier_voor_gebruiker(request.user, dossier_id)
        except Dossier.DoesNotExist as exc:
            raise Http404 from exc
        uitkomst = regels.conclusies_voor(dossier, selectors.tijdlijn(dossier))
        audit.gelezen(
            request,
            object_type="dossier_conclusies",
            object_id=dossier.pk,
            dossier_id=dossier.pk,
            api=True,
        )
        return Response(uitkomst.als_json())
