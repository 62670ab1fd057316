"""Settings of the DUO chain, read from the environment once (group "DUO" in docs/env.md).

Read through ``regie.conf.env.config`` so ``regie env_docs`` documents them; the app's
``ready()`` imports this module, so the registry holds them whenever Django runs. Code reads
them as ``conf.NAME`` at call time (never ``from conf import NAME``), so tests can patch them.
"""

from __future__ import annotations

from regie.conf.env import config

_GROEP = "DUO"

# --- Adapter (Regie -> DUO) -------------------------------------------------------------------
BASIS_URL: str = config(
    "DUO_BASE_URL",
    "http://127.0.0.1:8001",
    help_text=(
        "Base URL of DUO's M2M APIs without the version path (Regie adds /v1), e.g. "
        "https://api.duo.example:443 on Diginetwerk. Default: the local simulator "
        "(regie duo-simulator)."
    ),
    group=_GROEP,
)
DUO_OIN: str = config(
    "DUO_OIN",
    "00000001800866472000",
    help_text=(
        "OIN of DUO: the 'doel' header of every request and the only 'bron' accepted on the "
        "notification endpoint. Check it in the OIN register (oinregister.logius.nl)."
    ),
    group=_GROEP,
)
TIMEOUT_SECONDEN: float = config(
    "DUO_TIMEOUT_SECONDS",
    10.0,
    help_text="Seconds before a call to DUO counts as a technical failure (retried later).",
    group=_GROEP,
)
CLIENT_CERT: str = config(
    "DUO_CLIENT_CERT",
    "",
    help_text=(
        "PKIoverheid (private root) client certificate, PEM, for mutual TLS with DUO. '{oin}' "
        "and '{cbs_code}' are replaced by the responsible municipality's, so each municipality "
        "can have its own: /etc/regie/pki/{oin}.crt. Empty: no client certificate (only for "
        "the simulator; an https base URL without it is refused)."
    ),
    group=_GROEP,
)
CLIENT_KEY: str = config(
    "DUO_CLIENT_KEY",
    "",
    help_text=(
        "Private key (PEM) of DUO_CLIENT_CERT; same substitutions, e.g. /etc/regie/pki/{oin}.key."
    ),
    group=_GROEP,
)
CA_BUNDLE: str = config(
    "DUO_CA_BUNDLE",
    "",
    help_text=(
        "CA bundle (PKIoverheid Private Root chain) to verify DUO's server certificate. "
        "Empty: the system's trust store."
    ),
    group=_GROEP,
)

# --- Notification endpoint (DUO -> Regie) -----------------------------------------------------
NOTIFICATIE_CERT_HEADER: str = config(
    "DUO_NOTIFICATION_CERT_HEADER",
    "",
    help_text=(
        "Production (mutual TLS): the header in which the TLS-terminating proxy passes the "
        "verified client certificate's subject DN (or just its OIN), e.g. X-SSL-Client-S-DN. "
        "When set, a notification needs this header, from an address in "
        "DUO_NOTIFICATION_PROXY_IPS, naming DUO_OIN as serialNumber; the shared secret is then "
        "not used."
    ),
    group=_GROEP,
)
NOTIFICATIE_PROXY_IPS: list[str] = config(
    "DUO_NOTIFICATION_PROXY_IPS",
    ["127.0.0.1", "::1"],
    help_text=(
        "Comma-separated addresses of the TLS-terminating proxies whose certificate header "
        "is trusted. The header from any other address is ignored."
    ),
    group=_GROEP,
)
NOTIFICATIE_GEHEIM: str = config(
    "DUO_NOTIFICATION_SECRET",
    "",
    help_text=(
        "Development and test (no mutual TLS): shared secret DUO's simulator sends in the "
        "X-Duo-Notificatie-Geheim header. Empty and no certificate header: every "
        "notification is refused (401)."
    ),
    group=_GROEP,
)
NOTIFICATIE_IPS: list[str] = config(
    "DUO_NOTIFICATION_ALLOWED_IPS",
    ["127.0.0.1", "::1"],
    help_text="Comma-separated client addresses allowed to post notifications with the secret.",
    group=_GROEP,
)

# --- Worker -----------------------------------------------------------------------------------
WORKER_INTERVAL_SECONDEN: float = config(
    "DUO_WORKER_INTERVAL_SECONDS",
    2.0,
    help_text="Seconds the worker sleeps when the inbox and outbox are empty.",
    group=_GROEP,
)
CLAIM_SECONDEN: int = config(
    "DUO_CLAIM_LEASE_SECONDS",
    300,
    help_text=(
        "Seconds a worker holds a claimed notification or delivery. A worker that died "
        "mid-way loses its claim after this time and another worker takes the row over."
    ),
    group=_GROEP,
)
HERHAAL_BASIS_SECONDEN: int = config(
    "DUO_RETRY_BASE_SECONDS",
    30,
    help_text="First wait after a technical failure (5xx, timeout); doubles every attempt.",
    group=_GROEP,
)
HERHAAL_MAX_SECONDEN: int = config(
    "DUO_RETRY_MAX_SECONDS",
    3600,
    help_text="Longest wait between two attempts. Deliveries are never given up.",
    group=_GROEP,
)
ALARM_NA_POGINGEN: int = config(
    "DUO_ALERT_AFTER_ATTEMPTS",
    8,
    help_text="After this many failed attempts a work item warns the functioneel beheerder.",
    group=_GROEP,
)
INSTELLINGEN_UREN: float = config(
    "DUO_INSTITUTIONS_REFRESH_HOURS",
    24.0,
    help_text=(
        "Hours between two fetches of DUO's list of recognised institutions (BoW/TST "
        "keurmerk, Inburgeringsaanbod API) by the worker; the course-offer form chooses from "
        "it. `regie duo-instellingen` fetches it now."
    ),
    group=_GROEP,
)
PERSOONSGEGEVENS_BRON: str = config(
    "DUO_PERSON_DATA_SOURCE",
    "",
    help_text=(
        "Dotted path of a callable bsn -> {voornamen, tussenvoegsel, achternaam, "
        "geboortedatum} (e.g. a BRP/Haal Centraal adapter) used when a DUO notification opens a "
        "dossier. Empty: the dossier opens with provisional data and a work item to complete "
        "them from the BRP (DUO's APIs carry no names or birth dates)."
    ),
    group=_GROEP,
)

# --- Simulator (regie duo-simulator) ----------------------------------------------------------
SIMULATOR_NOTIFICATIE_URL: str = config(
    "DUO_SIMULATOR_NOTIFICATION_URL",
    "http://127.0.0.1:8000/duo/v1/notificaties",
    help_text="Where the local DUO simulator pushes its notifications (Regie's endpoint).",
    group=_GROEP,
)

# Header names and versions fixed by the specifications, not configuration.
GEHEIM_HEADER = "X-Duo-Notificatie-Geheim"
NOTIFICATIE_API_VERSIE = "1.8.0"
