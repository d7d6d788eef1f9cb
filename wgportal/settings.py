"""Settings for wgportal, read from the environment (see README, "Configuration").

Defaults serve the local demo out of the box: SQLite and an embedded broker under var/.
"""

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from sqlalchemy.pool import NullPool

from wgportal.storage_url import storage_from_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("WGPORTAL_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # SQLite, the embedded broker and PDFs live here

env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)

# The default key is for the local demo only; production must set SECRET_KEY.
_DEMO_SECRET_KEY = "local-demo-only-not-a-secret-2f8c1e7b9a4d4c06a5e3b1d0c7f6e9a8"
SECRET_KEY = env.str("SECRET_KEY", default=_DEMO_SECRET_KEY)
# Old keys still accepted for signatures (sessions, reset links) while a new key rolls out.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
if not DEBUG and SECRET_KEY == _DEMO_SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment when DEBUG is off.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# The portal's address, for links in e-mails sent by workers (which have no request).
PORTAL_URL = env.str("PORTAL_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # Django's admin with the portal's site: staff pass a second factor when it is required.
    "wgportal.admin_app.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The API's Swagger UI page and its assets, served by the portal.
    "ninja",
    "wgportal",
    "decisions",
    "meetings",
    "recommendations",
    "submissions",
    # The public API: its answers kept on the server until what they show changes.
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Caching, language and rate-limit headers on every answer of the API.
    "api.middleware.APIHeadersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "wgportal.middleware.StaffVerificationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: a locked-out account or address is refused before any password is checked.
    "wgportal.signin.ThrottlingBackend",
    "rules.permissions.ObjectPermissionBackend",
    "wgportal.auth.PortalBackend",
]

ROOT_URLCONF = "wgportal.urls"
WSGI_APPLICATION = "wgportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
# A connection lives across requests (opening one costs more than most requests' queries),
# checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=300)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Querysets are read whole: no server-side cursors and their extra round trips.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers take the lock when they begin, so that two at once wait instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    # A file, not memory, so that a real Celery worker started by the tests sees the test data.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
# A cache shared by every process (Redis in production: CACHE_URL=redis://host:6379/1) holds
# the sessions in front of the database, so that a request reads its session without a query.
# Without one, sessions are read from the database: a cache of each process's own would keep
# a session alive in one process after its user signed out through another.
CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://"),
    # Pieces of pages that change only with a deploy (the menus in each language), per process.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
    },
}
# What downloads read of the register (meetings.version_cache): in the shared cache, or not kept
# at all, since a version a worker stores must show at once in every web process.
CACHES["register"] = (
    {**CACHES["default"], "KEY_PREFIX": "register"}
    if "CACHE_URL" in env
    else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
)
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if "CACHE_URL" in env
    else "django.contrib.sessions.backends.db"
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The six official languages of the United Nations, in the UN's order.
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LANGUAGE_CODE = "en"
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Instants are stored in UTC. Calls and meetings carry their own zone, in which their times are
# entered and shown; every other time (the admin's lists, the outbox, history) is shown in the
# portal's zone, where the secretariat works, and says so.
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Vienna")

# Secretariat-authored content missing in a language shows the first language that has it:
# English, French (the seeds' language), then the others. Never a blank.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")
# modeltranslation's tabbed admin loads jQuery UI from this static path, never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "wgportal" / "static"]
MEDIA_ROOT = VAR_DIR / "media"
# The document register's files: the local file system by default, an S3-compatible object
# store when STORAGE_URL names one (see wgportal/storage_url.py and docs/documents.md).
STORAGES = {
    "default": storage_from_url(env.str("STORAGE_URL", default="")),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# The largest file the register takes (the longest reports are a few megabytes).
DOCUMENT_MAX_SIZE = env.int("DOCUMENT_MAX_SIZE", default=50 * 1024 * 1024)
# Uploads larger than this go to a temporary file rather than memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Rendered PDFs, by a hash of their content; shared by all web processes and workers.
PDF_CACHE_DIR = Path(env.str("PDF_CACHE_DIR", default=str(VAR_DIR / "pdf")))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "submissions:home"
LOGOUT_REDIRECT_URL = "meetings:home"
# Invitation and reset links work for a week: a mission may take days to pass one on.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 3600
# A staff account's reset link works for an hour only.
STAFF_PASSWORD_RESET_TIMEOUT = 3600
# One reset message per account in this many seconds; more requests send nothing.
PASSWORD_RESET_INTERVAL = env.int("PASSWORD_RESET_INTERVAL", default=300)

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failures for one account (whatever
# form of its name was typed) or from one address, sign-in is refused for AXES_COOLOFF_TIME.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "wgportal.signin.account_name"
AXES_LOCKOUT_CALLABLE = "wgportal.signin.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "wgportal.signin.client_address"
# Behind the TLS proxy the client's address is the last one the proxy added.
TRUST_FORWARDED_FOR = env.bool("BEHIND_TLS_PROXY", default=False)

# Staff sign in with a second factor (a TOTP code) where this is on: by default whenever
# DEBUG is off. The demo stays one step.
STAFF_TWO_FACTOR = env.bool("STAFF_TWO_FACTOR", default=not DEBUG)
OTP_TOTP_ISSUER = "wgportal"

# Content-Security-Policy: the portal's own scripts, styles, fonts and images only; no inline
# script or style, no framing, forms post to the portal only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}

# The public API: requests per client address (anonymous), counted in the default cache, and
# how long a client or proxy may keep an answer before asking again (with its ETag).
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="600/min")
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=300)
# The portal keeps whole answers as long, until what they show changes (api.answers): only where
# every process shares the cache, since a worker's change must end what the web processes keep.
API_KEEP_ANSWERS = env.bool("API_KEEP_ANSWERS", default="CACHE_URL" in env)

# E-mail: console in the demo, SMTP (EMAIL_URL=smtp://user:pass@host:587/?tls=True) in production.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="wgportal@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Celery: an embedded broker by default (kombu's SQLAlchemy transport on a SQLite file under
# var/, nothing to install or run), Redis in production.
CELERY_BROKER_URL = env.str(
    "CELERY_BROKER_URL", default=f"sqla+sqlite:///{VAR_DIR / 'broker.sqlite3'}"
)
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        # Passed to SQLAlchemy's create_engine. No pool: a pooled SQLite connection must not
        # cross a fork (the worker forks its pool and beat), so each use opens its own.
        "poolclass": NullPool,
        # SQLite's busy timeout: the web process and the workers take turns on the file, and
        # one waits for another's short write instead of failing.
        "connect_args": {"timeout": 30},
    }
    if CELERY_BROKER_URL.startswith("sqla+sqlite")
    else {}
)
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# The database is the source of truth; every minute a scan finds what is due and claims it.
CELERY_BEAT_SCHEDULE = {
    "scan": {"task": "submissions.tasks.scan", "schedule": env.float("SCAN_SECONDS", 60.0)},
    # Issued documents' languages that a broker that was down left unrendered.
    "render-due": {
        "task": "meetings.tasks.render_due",
        "schedule": env.float("SCAN_SECONDS", 60.0),
    },
}
# A message a worker claimed but has not handed to the mail server after this many seconds
# (its worker died while rendering) is queued again by the scan.
OUTBOX_CLAIM_LEASE = env.int("OUTBOX_CLAIM_LEASE", default=120)
# A queued message no worker has taken after this many seconds is handed out again.
OUTBOX_REDISPATCH_AFTER = env.int("OUTBOX_REDISPATCH_AFTER", default=60)
# Tasks are acknowledged after they ran (where idempotent): a worker reserves one at a time, so
# that one dying leaves no others stranded with it.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

# Production hardening: on whenever DEBUG is off, each switchable from the environment.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", default=False) else None
)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint narrates every step at INFO; its warnings (missing glyphs) still show.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
