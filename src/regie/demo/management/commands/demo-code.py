"""``regie demo-code``: the current code for the second login step of the demo logins (they
share one authenticator key, published in the README). Works for the demo's users only."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP

from regie.demo.generator import DEMO_TOTP_SLEUTEL


class Command(BaseCommand):
    help = "Print the current second-step code of the demo logins."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        totp = TOTP(DEMO_TOTP_SLEUTEL, step=30)
        over = 30 - int(time.time()) % 30
        self.stdout.write(f"{totp.token():06d}  (nog {over} seconden geldig)")
