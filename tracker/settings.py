"""Settings, all read from the environment (see README.md, "Environment variables").

Defaults are the secure production ones; `scripts/run` sets DEBUG=1 for a local run.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from kombu import Exchange, Queue

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "local-development-only-not-a-secret"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "tracker",
    "api",
    "frontend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "frontend.middleware.SignedInBrowserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tracker.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "frontend.navigation.main_tabs",
                "frontend.context.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}

# Argon2id first (OWASP Password Storage Cheat Sheet); the others still verify, and upgrade on login, older hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Every login (token endpoint, admin, the pages) passes the lockout in tracker/auth.py.
AUTHENTICATION_BACKENDS = ["tracker.auth.LockoutModelBackend"]
# Sign-in throttling (tracker/services/login_throttle.py): free failures of one username from one address, then a
# doubling wait up to the lockout seconds; failures from one address whatever the username, then a wait up to a minute.
LOGIN_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_SECONDS = envint("LOGIN_LOCKOUT_SECONDS", 15 * 60)
LOGIN_NETWORK_FAILURE_LIMIT = envint("LOGIN_NETWORK_FAILURE_LIMIT", 50)
LOGIN_NETWORK_MAX_DELAY_SECONDS = envint("LOGIN_NETWORK_MAX_DELAY_SECONDS", 60)
LOGIN_FAILURE_MEMORY_SECONDS = envint("LOGIN_FAILURE_MEMORY_SECONDS", 24 * 60 * 60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG else "tracker.storage.StaticStorage"
        )
    },
}

# Without collectstatic (a local run, the tests) serve straight from the app folders.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or envbool("STATIC_FROM_APPS", False)

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"

# No inline scripts anywhere; plotly.js sets inline styles on the charts it draws, hence style-src only.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "worker-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Production hardening; each can be relaxed through the environment behind a TLS proxy.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Health data on a phone that may be lost, lent or shared: a signed-in page session ends after
# SESSION_IDLE_TIMEOUT_MINUTES without a request (each request restarts the clock) instead of Django's
# fixed two weeks. 30 minutes is the re-authentication after inactivity that NIST SP 800-63B asks for at
# AAL2 (section 4.2.3); a person who logs once a day signs in once a day. The API's device tokens are not
# sessions and expire on their own terms.
SESSION_COOKIE_AGE = envint("SESSION_IDLE_TIMEOUT_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
# Shared by all web processes: the rate limit of share links counts here.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}

# Share links: requests per client network (an IPv4 /24 or IPv6 /48) per window, whatever the token.
SHARE_RATE_LIMIT_REQUESTS = envint("SHARE_RATE_LIMIT_REQUESTS", 60)
SHARE_RATE_LIMIT_WINDOW_SECONDS = envint("SHARE_RATE_LIMIT_WINDOW_SECONDS", 600)
# Sign-ups per client address (IPv4 address, IPv6 /64) per window: each one costs an Argon2 hash and may send an email.
SIGNUP_RATE_LIMIT_REQUESTS = envint("SIGNUP_RATE_LIMIT_REQUESTS", 10)
SIGNUP_RATE_LIMIT_WINDOW_SECONDS = envint("SIGNUP_RATE_LIMIT_WINDOW_SECONDS", 60 * 60)
# Caregiver invitations (each sends an email to whatever address is typed) per account and per client address.
INVITATION_RATE_LIMIT_PER_ACCOUNT = envint("INVITATION_RATE_LIMIT_PER_ACCOUNT", 10)
INVITATION_RATE_LIMIT_PER_ADDRESS = envint("INVITATION_RATE_LIMIT_PER_ADDRESS", 30)
INVITATION_RATE_LIMIT_WINDOW_SECONDS = envint("INVITATION_RATE_LIMIT_WINDOW_SECONDS", 24 * 60 * 60)
# Password-reset emails per client address and per email address in an hour; new email-proving links per account a day.
PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS = envint("PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS", 10)
PASSWORD_RESET_RATE_LIMIT_PER_EMAIL = envint("PASSWORD_RESET_RATE_LIMIT_PER_EMAIL", 3)
PASSWORD_RESET_RATE_LIMIT_WINDOW_SECONDS = envint("PASSWORD_RESET_RATE_LIMIT_WINDOW_SECONDS", 60 * 60)
VERIFICATION_RATE_LIMIT_PER_ACCOUNT = envint("VERIFICATION_RATE_LIMIT_PER_ACCOUNT", 5)
VERIFICATION_RATE_LIMIT_WINDOW_SECONDS = envint("VERIFICATION_RATE_LIMIT_WINDOW_SECONDS", 24 * 60 * 60)
# Behind the TLS proxy the client's address is the last one the proxy appended to X-Forwarded-For.
CLIENT_ADDRESS_FROM_FORWARDED_FOR = envbool("BEHIND_TLS_PROXY", False)
# The Debian chromium that prints the shared summary to PDF (tracker/exports/pdf.py).
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# API tokens (django-rest-knox, each with its tracker.ApiDevice): one per device, stored as a SHA-512 digest, expiring
# after API_TOKEN_TTL_DAYS without use (each use pushes the expiry on, at most hourly), never living past
# API_TOKEN_MAX_AGE_DAYS; the oldest goes when an account passes API_TOKENS_PER_ACCOUNT.
API_TOKEN_TTL_DAYS = envint("API_TOKEN_TTL_DAYS", 30)
API_TOKEN_MAX_AGE_DAYS = envint("API_TOKEN_MAX_AGE_DAYS", 365)
API_TOKENS_PER_ACCOUNT = envint("API_TOKENS_PER_ACCOUNT", 20)
KNOX_TOKEN_MODEL = "knox.AuthToken"  # knox's own model, read by its migrations
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=API_TOKEN_TTL_DAYS),
    "AUTO_REFRESH": True,
    "AUTO_REFRESH_MAX_TTL": timedelta(days=API_TOKEN_MAX_AGE_DAYS),
    "MIN_REFRESH_INTERVAL": 60 * 60,
    "AUTH_HEADER_PREFIX": "Token",
}
# A link proving an email address works this long; a password-reset link (Django's) this long and once.
EMAIL_VERIFICATION_MAX_AGE_SECONDS = envint("EMAIL_VERIFICATION_MAX_AGE_SECONDS", 3 * 24 * 60 * 60)
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", 24 * 60 * 60)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.error_response_handler",
    # Bounded, and a 400 in the error shape for every body they cannot read (api/parsers.py).
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",
        "api.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.LogPagination",
    "DATETIME_FORMAT": "iso-8601",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Leg strength tracker API",
    "DESCRIPTION": "Daily leg-strength logs, alerts and sharing for patients and their carers.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "InvestigationKindEnum": "tracker.records.INVESTIGATION_KINDS",
        "LifeEventKindEnum": "tracker.records.LIFE_EVENT_KINDS",
    },
}

_SMTP_OPTIONS = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": envint("EMAIL_PORT", 587),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": envbool("EMAIL_USE_TLS", True),
    "timeout": 10,
}
_EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKEND,
        "OPTIONS": _SMTP_OPTIONS if _EMAIL_BACKEND.endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Leg tracker <alerts@localhost>")

CELERY_BROKER_URL = REDIS_URL
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", 120)
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", 180)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Workers log through LOGGING below (its secret-redacting handlers) instead of replacing them.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# A request that saves a log must not hang when Redis is down: publish gives up fast and the
# sweep of unchecked logs (tracker.tasks.sweep_unchecked_logs) catches up once Redis is back.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
# Emergencies and urgent alerts (their save-time red-flag checks and their deliveries) have a queue of
# their own, which every worker reads before the other ("priority": kombu polls the queues in the order
# listed here, never rotating): a backlog of routine work never stands in front of them. Every queue is
# declared here, so a plain `celery -A tracker worker` (no -Q) consumes them all; none can be left unread.
# Printing a shared summary's PDF (seconds of Chromium) comes last, after all other work.
URGENT_TASK_QUEUE = "urgent"
CELERY_TASK_DEFAULT_QUEUE = "celery"
PDF_TASK_QUEUE = "pdf"
CELERY_TASK_QUEUES = [
    Queue(URGENT_TASK_QUEUE, Exchange(URGENT_TASK_QUEUE), routing_key=URGENT_TASK_QUEUE),
    Queue(CELERY_TASK_DEFAULT_QUEUE, Exchange(CELERY_TASK_DEFAULT_QUEUE), routing_key=CELERY_TASK_DEFAULT_QUEUE),
    Queue(PDF_TASK_QUEUE, Exchange(PDF_TASK_QUEUE), routing_key=PDF_TASK_QUEUE),
]
CELERY_TASK_ROUTES = {
    "tracker.tasks.check_log_red_flags": {"queue": URGENT_TASK_QUEUE},
    "tracker.tasks.render_summary_pdf": {"queue": PDF_TASK_QUEUE},
}
# Shared-summary PDFs (tracker/services/summary_pdf.py): at most this many Chromiums print at once across all
# workers (each takes ~200 MB and a CPU for a few seconds); a print waiting for a slot asks again after
# PDF_SLOT_WAIT_SECONDS; a printed PDF is kept this long (its key changes with the data anyway).
PDF_RENDER_SLOTS = envint("PDF_RENDER_SLOTS", 1)
PDF_SLOT_WAIT_SECONDS = 2
PDF_TASK_TIME_LIMIT = envint("PDF_TASK_TIME_LIMIT", 90)
PDF_CACHE_SECONDS = envint("PDF_CACHE_SECONDS", 24 * 60 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    "queue_order_strategy": "priority",
}
CELERY_BEAT_SCHEDULE = {
    # Every 15 minutes because some time zones are offset by :30 or :45 from UTC.
    "nightly-analysis-dispatch": {"task": "tracker.tasks.dispatch_nightly_analysis", "schedule": 15 * 60},
    "sweep-unchecked-logs": {"task": "tracker.tasks.sweep_unchecked_logs", "schedule": 60},
    # Delivers what lost its task (broker down, worker died), held messages and escalation repeats.
    "sweep-notifications": {"task": "tracker.tasks.sweep_notifications", "schedule": 30},
    "send-due-reminders": {"task": "tracker.tasks.send_due_reminders", "schedule": 60},
}
# Run tasks in the calling process instead of sending them to a worker (only `manage.py replay`).
TASKS_RUN_INLINE = False
NIGHTLY_ANALYSIS_CHUNK_SIZE = envint("NIGHTLY_ANALYSIS_CHUNK_SIZE", 200)

# Web Push (RFC 8292 VAPID); `manage.py generate_vapid_keys` prints a pair.
VAPID_PRIVATE_KEY = os.environ.get("VAPID_PRIVATE_KEY", "")
VAPID_PUBLIC_KEY = os.environ.get("VAPID_PUBLIC_KEY", "")
VAPID_SUBJECT = os.environ.get("VAPID_SUBJECT", "mailto:alerts@localhost")
# The only hosts push subscriptions may point at (tracker/notify/endpoints.py): exact names, or "*.suffix"
# for any subdomain; IP addresses are refused even when listed. The defaults are the push services of
# the browsers we support, each as its vendor documents it:
# - Chrome, and Chromium browsers on Android (FCM): Chromium's kPushMessagingGcmEndpoint is
#   https://fcm.googleapis.com/fcm/send/ (chrome/browser/push_messaging/push_messaging_constants.cc).
# - Firefox (Mozilla autopush): endpoints under https://updates.push.services.mozilla.com/wpush/
#   (autopush documentation, "HTTP Endpoints for Notifications").
# - Safari on macOS and iOS (Apple Web Push): "allow URLs from any subdomain of push.apple.com"
#   (WebKit, "Meet Web Push"; Apple, "Sending web push notifications in web apps and browsers").
# - Edge and other browsers on Windows (WNS): cloud services send to *.notify.windows.com (Microsoft,
#   "Enterprise Firewall and Proxy Configurations to Support WNS Traffic").
PUSH_SERVICE_HOSTS = envlist(
    "PUSH_SERVICE_HOSTS", "fcm.googleapis.com,updates.push.services.mozilla.com,*.push.apple.com,*.notify.windows.com"
)
# A push service answers in well under a second; one that does not must not hold a worker.
PUSH_CONNECT_TIMEOUT_SECONDS = envint("PUSH_CONNECT_TIMEOUT_SECONDS", 3)
PUSH_READ_TIMEOUT_SECONDS = envint("PUSH_READ_TIMEOUT_SECONDS", 5)
# One recipient's pushes go out together; whatever has not answered by then is retried later.
PUSH_DEADLINE_SECONDS = envint("PUSH_DEADLINE_SECONDS", 8)
# Push subscriptions one account may keep; a new one beyond it replaces the oldest.
PUSH_SUBSCRIPTIONS_PER_ACCOUNT = envint("PUSH_SUBSCRIPTIONS_PER_ACCOUNT", 10)
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")
ALERT_REPEAT_INTERVAL_MINUTES = envint("ALERT_REPEAT_INTERVAL_MINUTES", 10)
ALERT_REPEAT_COUNT = envint("ALERT_REPEAT_COUNT", 6)
NOTIFICATION_RETRY_BASE_SECONDS = envint("NOTIFICATION_RETRY_BASE_SECONDS", 15)
NOTIFICATION_MAX_ATTEMPTS = envint("NOTIFICATION_MAX_ATTEMPTS", 8)

# Every handler redacts the secrets that travel in URLs (tracker/redaction.py). Django's own loggers are
# named so that they drop the unfiltered handlers of Django's default configuration.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact_secrets": {"()": "tracker.redaction.RedactSecretsFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "redact_secrets"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "propagate": True},
        "django.server": {"handlers": ["console"], "propagate": False},
    },
}
# The error report (the DEBUG 500 page, emails to ADMINS) redacts the same secrets.
DEFAULT_EXCEPTION_REPORTER = "tracker.redaction.RedactingExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "tracker.redaction.RedactingReporterFilter"
