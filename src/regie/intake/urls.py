"""Included at ``dossiers/<uuid:dossier_id>/intake/``: every view takes ``dossier_id``."""

from django.urls import path

from regie.intake import views

app_name = "intake"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    # ?sectie=<code> chooses the section (regie.intake.secties), default the first.
    path("bewerken/", views.sectie, name="sectie"),
    path("leerbaarheidstoets/", views.lbt, name="lbt"),
    path("positieve-gezondheid/", views.meting, name="meting"),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
    path("routebesluit/", views.besluit, name="besluit"),
    path("afronden/", views.afronden, name="afronden"),
]
