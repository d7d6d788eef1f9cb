"""What the benchmarks that serve the portal share: production settings over plain HTTP on
loopback, a PostgreSQL database of their own, gunicorn's command and the percentile they print.
"""

import os
import sys
import urllib.parse


def environment(database, var_dir, **extra):
    """Production settings over plain HTTP on loopback: no TLS redirect, cookies sent without
    it, a benchmark's own database and var/ folder, Redis on loopback unless the caller's
    environment names another."""
    return {
        **os.environ,
        "DATABASE_URL": os.environ.get("DATABASE_URL", database),
        "CACHE_URL": os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/1"),
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/2"),
        "DJANGO_SETTINGS_MODULE": "wgportal.settings",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-key-not-a-secret-0123456789",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "WGPORTAL_VAR_DIR": str(var_dir),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def create_database(url):
    """The database ``url`` names, created empty if it does not exist."""
    import psycopg2

    parsed = urllib.parse.urlparse(url)
    admin = psycopg2.connect(
        host=parsed.hostname, port=parsed.port or 5432, user=parsed.username, dbname="postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("select 1 from pg_database where datname = %s", [parsed.path[1:]])
        if not cursor.fetchone():
            cursor.execute(f'create database "{parsed.path[1:]}"')
    admin.close()


def gunicorn(port, *, workers="2", python=sys.executable):
    """The command serving the portal on loopback with WEB_WORKERS sync workers."""
    return [
        python,
        "-m",
        "gunicorn",
        "wgportal.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        os.environ.get("WEB_WORKERS", workers),
        "--log-level",
        "warning",
    ]


def percentile(values, share):
    """The nearest-rank percentile of sorted ``values``: ``share`` 0.95 for p95."""
    return values[min(len(values) - 1, max(0, round(share * len(values)) - 1))]
