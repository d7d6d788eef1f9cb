"""The embedded broker of `make run` and of the tests on SQLite: kombu's SQLAlchemy transport on
a SQLite file under var/. Its file stays there wherever a process runs, its queue is made by
`migrate`, and a message goes to exactly one of the processes reading the queue."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.db.models.signals import post_migrate

ROOT = Path(__file__).resolve().parent.parent
SETUP = """
import json, sys, time
from queue import Empty
import django
django.setup()
from wgportal.celery import app, declare_queues
"""
ROUND_TRIP = (
    SETUP
    + """
declare_queues()
with app.connection_for_write() as connection:
    queue = connection.SimpleQueue("celery")
    queue.put({"ping": 1})
    message = queue.get(timeout=10)
    message.ack()
    print(message.payload["ping"])
"""
)
PRODUCE = (
    SETUP
    + """
with app.connection_for_write() as connection:
    queue = connection.SimpleQueue("celery")
    for n in range(int(sys.argv[2])):
        queue.put({"n": f"{sys.argv[1]}-{n}"})
"""
)
# Reads until the queue has been empty for three seconds, then prints what it took.
CONSUME = (
    SETUP
    + """
taken, idle_since = [], time.monotonic()
with app.connection_for_write() as connection:
    queue = connection.SimpleQueue("celery")
    while time.monotonic() - idle_since < 3:
        try:
            message = queue.get(timeout=0.5)
        except Empty:
            continue
        message.ack()
        taken.append(message.payload["n"])
        idle_since = time.monotonic()
print(json.dumps(taken))
"""
)


@pytest.fixture
def embedded(tmp_path):
    """A process environment with the embedded broker under a var/ of its own."""
    var, work = tmp_path / "var", tmp_path / "work"
    work.mkdir()
    environment = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_URL"} | {
        "WGPORTAL_VAR_DIR": str(var),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "wgportal.settings",
    }

    def start(script, *args):
        return subprocess.Popen(
            [sys.executable, "-c", script, *args],
            cwd=work,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    return var, work, start


def finish(process):
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return out


def test_the_embedded_broker_writes_nothing_where_it_runs(embedded):
    var, work, start = embedded
    assert finish(start(ROUND_TRIP)).strip() == "1"
    assert list(work.iterdir()) == []
    assert (var / "broker.sqlite3").exists()


def test_each_message_goes_to_exactly_one_of_the_readers(embedded):
    var, work, start = embedded
    finish(start(SETUP + "declare_queues()"))
    # Three workers read while two processes send, as the portal and beat do.
    readers = [start(CONSUME) for _ in range(3)]
    senders = [start(PRODUCE, name, "30") for name in ("a", "b")]
    for sender in senders:
        finish(sender)
    taken = [n for reader in readers for n in json.loads(finish(reader))]
    assert sorted(taken) == sorted(f"{name}-{n}" for name in ("a", "b") for n in range(30))


def migrated():
    """What `migrate` does last for the app whose tasks use the queue."""
    submissions = apps.get_app_config("submissions")
    post_migrate.send(
        sender=submissions,
        app_config=submissions,
        verbosity=0,
        interactive=False,
        using="default",
        apps=apps,
        plan=[],
    )


@pytest.mark.django_db
def test_migrate_makes_the_queue_before_any_worker_starts(tmp_path, monkeypatch):
    broker = tmp_path / "broker.sqlite3"
    # Celery reads the broker's address from the environment before its settings.
    monkeypatch.setenv("CELERY_BROKER_URL", f"sqla+sqlite:///{broker}")
    migrated()
    with sqlite3.connect(broker) as database:
        assert database.execute("SELECT name FROM kombu_queue").fetchall() == [("celery",)]


@pytest.mark.django_db
def test_migrate_leaves_redis_alone(monkeypatch):
    """In production `migrate` may run before Redis is up: it does not reach for the broker
    (nothing listens on this port, so any attempt would fail)."""
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:9/0")
    migrated()
