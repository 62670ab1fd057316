from django.urls import include, path
from django.views.i18n import set_language

from regie.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("gezondheid/", core_views.health, name="health"),
    path("taal/", set_language, name="set_language"),
    path("", include("regie.accounts.urls")),
    path("dossiers/", include("regie.dossiers.urls")),
    path("dossiers/<uuid:dossier_id>/intake/", include("regie.intake.urls")),
    path("dossiers/<uuid:dossier_id>/pip/", include("regie.plans.urls")),
    path("dossiers/<uuid:dossier_id>/documenten/", include("regie.letters.urls")),
    path("audit/", include("regie.audit.urls")),
    path("monitoring/", include("regie.monitoring.urls")),
    path("prognoses/", include("regie.forecasting.urls")),
    path("beheer/", include("regie.core.urls")),
    path("api/v1/", include("regie.api.urls")),
    path("duo/", include("regie.integrations.duo.urls")),
]

handler403 = "regie.core.errors.forbidden"
handler404 = "regie.core.errors.not_found"
handler500 = "regie.core.errors.server_error"
