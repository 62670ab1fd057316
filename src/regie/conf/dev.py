"""Local development defaults: `make run`. Only defaults differ; see base.py for every setting."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-regie-0000000000000000000000000000")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
# The DUO chain on one machine (`make run`): the simulator (regie duo-simulator, port 8001 =
# DUO_BASE_URL's default) posts its notifications to runserver with this shared secret, from
# 127.0.0.1 (DUO_NOTIFICATION_ALLOWED_IPS' default). Production uses mutual TLS instead.
os.environ.setdefault("DUO_NOTIFICATION_SECRET", "dev-only-duo-notificatie-geheim")

from regie.conf.base import *  # noqa: F403
