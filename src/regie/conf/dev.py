"""Local development defaults: `make run`. Only defaults differ; see base.py for every setting."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-regie-0000000000000000000000000000")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")

from regie.conf.base import *  # noqa: F403
