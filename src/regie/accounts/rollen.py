"""The standard roles of the product (docs/roles.md) and the rights each starts with.

Roles are data: a functioneel beheerder may change a role's rights later. This table is what a
fresh installation starts with; the data migration and the demo use it.
"""

from __future__ import annotations

from typing import Any

STANDAARDROLLEN: dict[str, dict[str, Any]] = {
    "klantregisseur": {
        "naam": "Klantregisseur",
        "omschrijving": "Consulent inburgering: eigen caseload, intake, PIP, voortgang.",
        "rechten": [
            "dossiers.view_dossier",
            "dossiers.add_dossier",
            "dossiers.change_dossier",
            "dossiers.fase_wijzigen",
            "intake.view_gezondheid",
            "intake.change_gezondheid",
        ],
    },
    "teamleider": {
        "naam": "Teamleider",
        "omschrijving": "Toewijzing, werkvoorraad en goedkeuring van besluiten (vier ogen).",
        "rechten": [
            "dossiers.view_dossier",
            "dossiers.change_dossier",
            "dossiers.fase_wijzigen",
            "dossiers.toewijzen",
            "plans.pip_vaststellen",
        ],
    },
    "beleidsmedewerker": {
        "naam": "Beleidsmedewerker",
        "omschrijving": "Dashboards en prognoses; alleen geaggregeerde gegevens.",
        "rechten": ["core.view_aggregaten"],
    },
    "ketenpartner": {
        "naam": "Ketenpartner",
        "omschrijving": "Taalaanbieder, maatschappelijk begeleider of werkgever: alleen eigen "
        "deelnemers en alleen de gegevens die nodig zijn.",
        "rechten": [],
    },
    "inburgeraar": {
        "naam": "Inburgeraar",
        "omschrijving": "Eigen plan, afspraken en voortgang.",
        "rechten": [],
    },
    "functioneel_beheerder": {
        "naam": "Functioneel beheerder",
        "omschrijving": "Gemeenten, aanbieders, parameters, sjablonen en het auditlog.",
        "rechten": [
            "audit.view_auditgebeurtenis",
            "core.view_regelparameter",
            "core.add_regelparameter",
            "duo.view_monitor",
            "duo.beheer_contactpersonen",
            "forecasting.beheer_taakstelling",
        ],
    },
}


def installeer_standaardrollen(apps: Any = None, *, alleen_bestaande: bool = False) -> None:
    """Create the standard roles and give them their rights; existing roles keep extra rights.

    ``alleen_bestaande``: skip rights whose app is not migrated yet (used by the data
    migrations, which run again once the later apps exist; a test checks the end result).
    """
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    Rol = apps.get_model("accounts", "Rol")
    Permission = apps.get_model("auth", "Permission")
    for code, spec in STANDAARDROLLEN.items():
        rol, _created = Rol.objects.get_or_create(
            code=code, defaults={"naam": spec["naam"], "omschrijving": spec["omschrijving"]}
        )
        for recht in spec["rechten"]:
            app_label, codename = recht.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is None:
                if alleen_bestaande:
                    continue
                raise LookupError(f"right {recht} does not exist")
            rol.rechten.add(permission)


def rechten_bijwerken(apps: Any, schema_editor: Any) -> None:
    """Data migration step, run after each app that brings rights: create the permissions of
    every app migrated so far, then give the standard roles theirs (``alleen_bestaande``)."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    installeer_standaardrollen(apps, alleen_bestaande=True)
