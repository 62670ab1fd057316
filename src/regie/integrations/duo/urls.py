from django.urls import path

from regie.integrations.duo import views

app_name = "duo"

urlpatterns = [
    # DUO's Notificatie API, hosted by Regie: https://{host}/duo/v1/notificaties
    path("v1/notificaties", views.notificatie, name="notificaties"),
    path("werkitems/", views.werkitems_lijst, name="werkitems"),
    path("monitor/", views.monitor, name="monitor"),
    path("contactpersonen/", views.contactpersonen_lijst, name="contactpersonen"),
    path("contactpersonen/<int:pk>/", views.contactpersoon_wijzigen, name="contactpersoon"),
    path(
        "contactpersonen/<int:pk>/verwijderen/",
        views.contactpersoon_verwijderen,
        name="contactpersoon_verwijderen",
    ),
    path("dossiers/<uuid:dossier_id>/", views.dossier_status, name="dossier"),
    path("dossiers/<uuid:dossier_id>/vastleggen/", views.vastleggen, name="vastleggen"),
    path("dossiers/<uuid:dossier_id>/portaal/", views.portaal_vastleggen, name="portaal"),
    path(
        "dossiers/<uuid:dossier_id>/werkitems/afhandelen/",
        views.werkitem_afhandelen,
        name="werkitem_afhandelen",
    ),
]
