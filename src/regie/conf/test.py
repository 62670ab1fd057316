"""Test defaults. Same settings module as production; only defaults differ."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-regie-000000000000000000000000000")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
# Tests log users in directly (force_login); the second step has tests of its own, which turn
# it on (regie/accounts/tests/test_tweede_stap.py).
os.environ.setdefault("TWO_FACTOR_REQUIRED", "false")

from regie.conf.base import *  # noqa: F403
from regie.conf.base import DATABASES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
