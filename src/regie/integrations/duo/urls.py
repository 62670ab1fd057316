from django.urls import path

from regie.integrations.duo import views

app_name = "duo"

urlpatterns = [
    # DUO's Notificatie API, hosted by Regie: https://{host}/duo/v1/notificaties
    path("v1/notificaties", views.notificatie, name="notificaties"),
    path("werkitems/", views.werkitems_lijst, name="werkitems"),
    path("monitor/", views.monitor, name="monitor"),
    path("dossiers/<uuid:dossier_id>/", views.dossier_status, name="dossier"),
    path("dossiers/<uuid:dossier_id>/vastleggen/", views.vastleggen, name="vastleggen"),
    path(
        "dossiers/<uuid:dossier_id>/werkitems/afhandelen/",
        views.werkitem_afhandelen,
        name="werkitem_afhandelen",
    ),
]
