from django.urls import path

from regie.dossiers import views

app_name = "dossiers"

urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("zoeken/", views.zoeken, name="zoeken"),
    path("nieuw/", views.dossier_aanmaken, name="aanmaken"),
    path("<uuid:dossier_id>/", views.dossier_detail, name="detail"),
    path("<uuid:dossier_id>/bewerken/", views.dossier_bewerken, name="bewerken"),
    path("<uuid:dossier_id>/fase/", views.dossier_fase, name="fase"),
]
