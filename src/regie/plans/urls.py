from django.urls import path

from regie.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.pip, name="pip"),
    path("starten/", views.starten, name="starten"),
    path("concept/", views.concept, name="concept"),
    path("indienen/", views.indienen, name="indienen"),
    path("wijzigen/", views.wijzigen, name="wijzigen"),
    path("beoordelen/", views.beoordelen, name="beoordelen"),
    path("ontwikkelplan/", views.ontwikkelplan, name="ontwikkelplan"),
]
