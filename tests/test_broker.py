"""The embedded broker of `make run` keeps all its files under var/: its queue and the
exchanges' tables, which kombu would otherwise write to "control" wherever a process runs."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECLARE = """
import django
django.setup()
from kombu import Exchange, Queue
from wgportal.celery import app
with app.connection_for_write() as connection:
    Queue("ping", Exchange("ping"), "ping")(connection.default_channel).declare()
"""


def test_the_embedded_broker_writes_nothing_where_it_runs(tmp_path):
    var, work = tmp_path / "var", tmp_path / "work"
    work.mkdir()
    environment = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_URL"} | {
        "WGPORTAL_VAR_DIR": str(var),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "wgportal.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", DECLARE], cwd=work, env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert list(work.iterdir()) == []
    assert (var / "broker" / "control" / "ping.exchange").exists()
