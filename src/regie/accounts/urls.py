from django.urls import path

from regie.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.InloggenView.as_view(), name="login"),
    path("uitloggen/", views.UitloggenView.as_view(), name="logout"),
    path("inloggen/tweede-stap/", views.tweede_stap_view, name="tweede_stap"),
    path(
        "inloggen/tweede-stap/instellen/",
        views.tweede_stap_instellen_view,
        name="tweede_stap_instellen",
    ),
]
