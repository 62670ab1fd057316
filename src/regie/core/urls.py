from django.urls import path

from regie.core import views

app_name = "beheer"

urlpatterns = [path("parameters/", views.regelparameters, name="regelparameters")]
