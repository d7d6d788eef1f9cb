"""The production shape: docker-compose.yml, its image, and Django's deployment checks."""

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
SERVICES = COMPOSE["services"]


def test_compose_has_the_production_services():
    assert {"db", "redis", "web", "worker", "beat"} <= set(SERVICES)
    assert SERVICES["db"]["image"].startswith("postgres:")
    assert SERVICES["redis"]["image"].startswith("redis:")


def check_command(command):
    """Fail unless what the command runs exists in the project."""
    program, *args = command
    if program == "gunicorn":
        module, attribute = args[0].split(":")
        assert callable(getattr(importlib.import_module(module), attribute))
    elif program == "celery":
        app = args[args.index("-A") + 1]
        assert importlib.import_module(app).celery_app.main == app
        assert args[args.index("-A") + 2] in {"worker", "beat"}
    elif program == "python":
        assert args[0] == "manage.py" and (ROOT / "manage.py").exists()
        assert args[1] in get_commands(), f"no management command {args[1]}"
    else:
        pytest.fail(f"unknown program {program}")


@pytest.mark.parametrize("name", ["migrate", "web", "worker", "beat"])
def test_every_portal_service_runs_something_the_project_has(name):
    service = SERVICES[name]
    assert service["build"] == "."
    check_command(service["command"])


def test_portal_services_are_configured_for_production():
    for name in ("web", "worker", "beat"):
        environment = SERVICES[name]["environment"]
        assert environment["DEBUG"] == "0"
        assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["CELERY_BROKER_URL"].startswith("redis://redis:")
        # Sessions are read from the shared cache, in another database than the broker's.
        assert environment["CACHE_URL"].startswith("redis://redis:")
        assert environment["CACHE_URL"] != environment["CELERY_BROKER_URL"]


def test_image_installs_the_debian_packages_the_makefile_names():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    wanted = set(re.search(r"DEBIAN_PACKAGES := ([^\n]+(?:\\\n[^\n]+)*)", makefile)[1].split())
    wanted -= {"\\", "chromium", "poppler-utils"}  # for tests only
    wanted -= {"python3", "python3-venv"}  # the image's Python is its base image's
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    assert all(package in dockerfile for package in wanted), wanted


def manage(*args, **environment):
    unset = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**env, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x7#Lq9!vR2@pT5$wZ8^mN3&bK6*jH4(gF1)dS0_aQ-eY+uI=oP",
        ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_demo_secret_key():
    result = manage("check", DEBUG="0", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr


def test_production_serves_pages_with_statics_collected_as_the_image_does(tmp_path):
    """collectstatic and a page request, both with DEBUG=0, as the Dockerfile and compose run
    them: hashed static names from the manifest, no 500."""
    production = {
        "DEBUG": "0",
        "SECRET_KEY": "x7#Lq9!vR2@pT5$wZ8^mN3&bK6*jH4(gF1)dS0_aQ-eY+uI=oP",
        "ALLOWED_HOSTS": "portal.example.org",
        "WGPORTAL_VAR_DIR": str(tmp_path),
        "SECURE_SSL_REDIRECT": "0",
    }
    collected = manage("collectstatic", "--noinput", "-v0", **production)
    assert collected.returncode == 0, collected.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()
    page = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup();"
            "from django.core.management import call_command;"
            "call_command('migrate', verbosity=0);"
            "from django.test import Client;"
            "r = Client(HTTP_HOST='portal.example.org').get('/en/');"
            "import re;"
            "print(r.status_code, bool(re.search(r'portal[.][0-9a-f]{12}[.]css', r.text)))",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "wgportal.settings", **production},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert page.stdout.split() == ["200", "True"], page.stderr[-2000:]


def test_image_creates_the_folders_its_volumes_mount_on():
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    mounts = {
        volume.split(":")[1]
        for service in SERVICES.values()
        for volume in service.get("volumes", [])
        if volume.split(":")[1].startswith("/app/")
    }
    assert mounts == {"/app/var/media", "/app/var/pdf"}
    for mount in mounts:
        assert mount.removeprefix("/app/") in dockerfile


def test_deploy_check_is_clean_with_every_production_setting_and_hardening_on(tmp_path):
    """The configuration README lists, as production sets it: the deployment checks pass, staff
    sign in with a second factor, sign-in is throttled, and the policy forbids inline code."""
    production = {
        "DEBUG": "0",
        "SECRET_KEY": "x7#Lq9!vR2@pT5$wZ8^mN3&bK6*jH4(gF1)dS0_aQ-eY+uI=oP",
        "SECRET_KEY_FALLBACKS": "an-older-key-still-accepted-while-sessions-roll-over-0123456789",
        "ALLOWED_HOSTS": "portal.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
        "PORTAL_URL": "https://portal.example.org",
        "BEHIND_TLS_PROXY": "1",
        "EMAIL_URL": "smtp+tls://user:password@mail.example.org:587",
        "DEFAULT_FROM_EMAIL": "secretariat@example.org",
        "WGPORTAL_VAR_DIR": str(tmp_path),
    }
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    shown = manage(
        "shell",
        "-c",
        "from django.conf import settings as s;"
        "print(s.STAFF_TWO_FACTOR, s.AXES_FAILURE_LIMIT, s.MIDDLEWARE[-1],"
        " s.AUTHENTICATION_BACKENDS[0], s.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'],"
        " len(s.SECRET_KEY_FALLBACKS))",
        **production,
    )
    assert shown.stdout.strip().splitlines()[-1].split() == [
        "True",
        "5",
        "axes.middleware.AxesMiddleware",
        "wgportal.signin.ThrottlingBackend",
        "[\"'self'\"]",
        "1",
    ], shown.stderr[-2000:]


def test_gunicorn_loads_the_portal_with_every_view_before_its_workers_fork():
    """gunicorn.conf.py (read from the folder the image starts it in) preloads the application,
    and the application imports the addresses, their views and the cache's client: no worker's
    first request waits for them."""
    config = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", SERVICES["web"]["command"][1]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert re.search(r"^preload_app\s+= True$", config.stdout, re.M), config.stderr[-2000:]
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, wgportal.wsgi; print({'api.v1', 'redis'} <= {*sys.modules})",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "wgportal.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert loaded.stdout.strip() == "True", loaded.stderr[-2000:]
