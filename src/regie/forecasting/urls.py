from django.urls import path

from regie.forecasting import views

app_name = "forecasting"

urlpatterns = [
    path("", views.prognose, name="prognose"),
    path("scenarios/", views.scenarios, name="scenarios"),
    path("export/", views.export, name="export"),
    path("raadsrapport/", views.raadsrapport, name="raadsrapport"),
    path("taakstelling/", views.taakstelling, name="taakstelling"),
    path("taakstelling/import/", views.taakstelling_import, name="taakstelling_import"),
    path("parameters/", views.parameters, name="parameters"),
]
