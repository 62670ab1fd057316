"""``regie tweede-stap-herstellen GEBRUIKERSNAAM``: for a user who lost both the phone with
the authenticator app and the recovery codes. Removes the second factor; at the next login the
user sets up a new app. Run by the functioneel beheerder after checking who asks (audited)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from regie.accounts import tweede_stap
from regie.accounts.models import Gebruiker


class Command(BaseCommand):
    help = "Remove a user's second login factor (lost phone and recovery codes)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("gebruikersnaam")

    def handle(self, *args, gebruikersnaam: str, **options):  # type: ignore[no-untyped-def]
        user = Gebruiker.objects.filter(username=gebruikersnaam).first()
        if user is None:
            raise CommandError(f"Geen gebruiker {gebruikersnaam!r}.")
        tweede_stap.herstellen(user, door=None)
        self.stdout.write(
            f"De tweede stap van {gebruikersnaam} is verwijderd; bij de volgende keer inloggen "
            "stelt de gebruiker een nieuwe authenticator-app in."
        )
