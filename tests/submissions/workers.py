"""Real Celery workers for the tests of background work: separate processes on the portal's
broker (Redis in CI, the embedded broker locally) and the test database, writing the mail
they send to files."""

import contextlib
import os
import signal
import socketserver
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.db import connection


def database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(tmp_path, beat=True, **environment):
    """A worker process (with beat's scan unless ``beat`` is false); ``environment`` sets or
    overrides its settings, e.g. EMAIL_URL or SCAN_SECONDS."""
    outbox = tmp_path / "mail"
    outbox.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "EMAIL_URL": f"filemail:///{outbox}",  # environ drops one slash of an absolute path
        "PDF_CACHE_DIR": str(tmp_path / "pdf"),
        **environment,
    }
    command = [sys.executable, "-m", "celery", "-A", "wgportal", "worker", "--pool", "solo"]
    if beat:
        command += ["--beat", "--schedule", str(tmp_path / f"beat-{time.monotonic_ns()}")]
    command += ["--without-mingle", "--without-gossip", "--without-heartbeat"]
    # A group of its own: the embedded beat is a child process, stopped or killed with it.
    return subprocess.Popen(
        [*command, "--loglevel", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        start_new_session=True,
    )


def kill(process, sig=signal.SIGKILL):
    """Signal the worker and its beat."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


def stop(process):
    kill(process, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        kill(process)
        process.wait()


SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def mails(outbox):
    """Every message Django's file backend wrote (a file can hold several)."""
    found = []
    for path in outbox.glob("*.log"):
        found += [part for part in path.read_bytes().split(SEPARATOR) if part.strip()]
    return found


def wait_for_mail(outbox, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        files = list(outbox.glob("*.log"))
        if files and files[0].stat().st_size:
            time.sleep(0.2)  # the file is written in one go; let it finish
            return files[0].read_bytes()
        time.sleep(0.25)
    pytest.fail("no mail from the worker within a minute")


def wait_until(condition, seconds, message):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    pytest.fail(message)


class FakeSMTP(socketserver.StreamRequestHandler):
    """A local mail server that refuses every sender while ``server.refusing`` is true, and
    otherwise accepts and keeps each message in ``server.received``."""

    def handle(self):
        self.wfile.write(b"220 fake ESMTP\r\n")
        for line in self.rfile:
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                reply = b"250 fake"
            elif command.startswith(b"QUIT"):
                self.wfile.write(b"221 bye\r\n")
                return
            elif self.server.refusing:
                reply = b"554 5.7.1 Relaying refused"
            elif command == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                data = b"".join(iter(self.rfile.readline, b".\r\n"))
                self.server.received.append(data)
                reply = b"250 queued"
            else:
                reply = b"250 ok"
            self.wfile.write(reply + b"\r\n")


def fake_smtp_server(refusing):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), FakeSMTP)
    server.daemon_threads = True
    server.refusing, server.received = refusing, []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
