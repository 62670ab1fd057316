"""Base settings. Every environment variable is read here, once, with a default and help text.

``dev``, ``test`` and ``production`` only set different defaults before importing this module;
nothing exists only in production.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from regie.conf.env import config

SRC_DIR = Path(__file__).resolve().parents[1]
BASE_DIR = SRC_DIR.parents[1]

# --- Core -------------------------------------------------------------------------------------
SECRET_KEY = config(
    "SECRET_KEY",
    help_text="Django's secret key. Required in production; a fixed development key otherwise.",
    group="Kern",
)
DEBUG = config("DEBUG", False, help_text="Django debug mode. Never on in production.", group="Kern")
ALLOWED_HOSTS = config(
    "ALLOWED_HOSTS",
    ["127.0.0.1", "localhost"],
    help_text="Comma-separated host names Regie answers to.",
    group="Kern",
)
CSRF_TRUSTED_ORIGINS = config(
    "CSRF_TRUSTED_ORIGINS",
    [],
    help_text="Comma-separated origins (scheme://host) trusted for CSRF behind a proxy.",
    group="Kern",
)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Regie, bottom layer first (see docs/architecture.md).
    "regie.core",
    "regie.accounts",
    "regie.audit",
    "regie.dossiers",
    "regie.intake",
    "regie.plans",
    "regie.letters",
    "regie.monitoring",
    "regie.forecasting",
    "regie.integrations.duo",
    "regie.api",
    "regie.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "regie.accounts.middleware.TweeFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "regie.core.middleware.PrivacyHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regie.urls"
WSGI_APPLICATION = "regie.wsgi.application"
AUTH_USER_MODEL = "accounts.Gebruiker"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regie.accounts.context_processors.navigatie",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------
DATABASE_URL = config(
    "DATABASE_URL",
    f"sqlite:///{BASE_DIR / 'var' / 'regie.sqlite3'}",
    help_text=(
        "Database URL. Without it Regie uses SQLite in var/ (zero set-up); production and CI "
        "use PostgreSQL 15, e.g. postgres://regie:secret@localhost:5432/regie."
    ),
    group="Database",
)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL and a busy timeout let the worker and the web server share the file safely.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: Regie's queries are short, and on the analytic ones (the policy
    # dashboard's correlated subqueries) the planner's cost estimate crosses the JIT thresholds
    # and compiling took longer than the query itself (docs/monitoring.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

# Every form widget gets its NL Design System class (regie.core.renderers).
FORM_RENDERER = "regie.core.renderers.RegieFormRenderer"

# --- Authentication and sessions --------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
# "home" sends each role to the first page it may see.
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_IDLE_TIMEOUT_MINUTES = config(
    "SESSION_IDLE_TIMEOUT_MINUTES",
    15,
    help_text="Minutes of inactivity after which a session ends (BIO: 15).",
    group="Beveiliging",
)
# The cookie age is refreshed on every request, so this is an idle timeout, enforced server-side
# too because the session row expires with it.
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_COOKIES = config(
    "SECURE_COOKIES",
    True,
    help_text="Send session and CSRF cookies only over HTTPS. Off only for local development.",
    group="Beveiliging",
)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES

# Two-factor authentication (targets R-12): every staff member confirms a second factor (an
# authenticator app, TOTP, RFC 6238; or a one-time recovery code) before any page with personal
# data. API tokens of systems are not sessions and are not affected.
TWEE_FACTOR_VERPLICHT = config(
    "TWO_FACTOR_REQUIRED",
    True,
    help_text=(
        "Require the second login step (authenticator app) for every user before any page. "
        "Only the test settings turn it off by default (their tests log in directly); "
        "production must keep it on."
    ),
)
OTP_TOTP_ISSUER = "Regie"
# After a wrong code the next try waits 1, 2, 4, ... seconds (django-otp's throttling).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

AXES_FAILURE_LIMIT = config(
    "LOGIN_FAILURE_LIMIT",
    5,
    help_text="Failed logins for one user name before it is locked out.",
    group="Beveiliging",
)
AXES_COOLOFF_TIME = timedelta(
    minutes=config(
        "LOGIN_LOCKOUT_MINUTES",
        30,
        help_text="Minutes a locked-out user name stays locked.",
        group="Beveiliging",
    )
)
# Lock a user name after repeated failures, and an address that tries many user names.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"
AXES_SENSITIVE_PARAMETERS = ["password"]
# IP addresses are taken from REMOTE_ADDR only; behind a proxy, configure it to set that.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# --- Security headers -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = config(
    "SECURE_SSL_REDIRECT",
    True,
    help_text="Redirect plain HTTP to HTTPS (off when TLS ends at a proxy that does this).",
    group="Beveiliging",
)
SECURE_HSTS_SECONDS = config(
    "SECURE_HSTS_SECONDS",
    31536000,
    help_text="Strict-Transport-Security max-age in seconds; 0 turns HSTS off.",
    group="Beveiliging",
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = config(
    "SECURE_HSTS_PRELOAD",
    True,
    help_text="Allow the HSTS preload list (NCSC advises it for government domains).",
    group="Beveiliging",
)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https")
    if config(
        "BEHIND_TLS_PROXY",
        False,
        help_text="Trust X-Forwarded-Proto from a TLS-terminating proxy.",
        group="Beveiliging",
    )
    else None
)

# No inline scripts or styles, nothing from outside Regie (see docs/security.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = config(
    "STATIC_ROOT",
    str(BASE_DIR / "var" / "static"),
    help_text="Where collectstatic puts the files whitenoise serves.",
    group="Kern",
)
NODE_MODULES = BASE_DIR / "node_modules"
# Front-end packages come from npm (package-lock.json), installed by `make`; never from a CDN.
STATICFILES_DIRS = [
    SRC_DIR / "static",
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    (
        "vendor/tokens",
        NODE_MODULES / "@nl-design-system-unstable" / "voorbeeld-design-tokens" / "dist",
    ),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- API --------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its WWW-Authenticate header makes anonymous calls a 401, not a 403.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "regie.api.problems.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Regie API",
    "DESCRIPTION": (
        "API van Regie, het regiesysteem voor de Wet inburgering 2021. Alle antwoorden zijn "
        "beperkt tot de gemeenten van de ingelogde gebruiker. Fouten volgen RFC 9457 "
        "(application/problem+json)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "regie.api.schema.probleem_antwoorden",
    ],
}

# --- Logging: never personal data (see regie.core.logging) ------------------------------------
LOG_LEVEL = config("LOG_LEVEL", "INFO", help_text="Log level of Regie's own loggers.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"geen_bsn": {"()": "regie.core.logging.BsnFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["geen_bsn"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "regie": {"level": LOG_LEVEL, "propagate": True},
        "django.server": {"level": "INFO", "propagate": True},
    },
}

# --- Regie ------------------------------------------------------------------------------------
REGIE_CASELOAD_PAGE_SIZE = config(
    "CASELOAD_PAGE_SIZE", 50, help_text="Rows per caseload page.", group="Regie"
)

os.makedirs(STATIC_ROOT, exist_ok=True)
