from django.apps import AppConfig


class ForecastingConfig(AppConfig):
    name = "regie.forecasting"
    label = "forecasting"
    verbose_name = "Prognoses"
