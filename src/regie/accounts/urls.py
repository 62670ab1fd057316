from django.urls import path

from regie.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.InloggenView.as_view(), name="login"),
    path("uitloggen/", views.UitloggenView.as_view(), name="logout"),
]
