from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from regie.api import views

app_name = "api"

urlpatterns = [
    path("dossiers/", views.DossierLijst.as_view(), name="dossier-lijst"),
    path("dossiers/zoeken/", views.DossierZoeken.as_view(), name="dossier-zoeken"),
    path("dossiers/<uuid:dossier_id>/", views.DossierDetail.as_view(), name="dossier-detail"),
    path(
        "dossiers/<uuid:dossier_id>/conclusies/",
        views.DossierConclusies.as_view(),
        name="dossier-conclusies",
    ),
    path("regels/evaluatie", views.RegelEvaluatie.as_view(), name="regels-evaluatie"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
