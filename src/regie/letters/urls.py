from django.urls import path

from regie.letters import views

app_name = "letters"

urlpatterns = [
    path("", views.documenten, name="documenten"),
]
