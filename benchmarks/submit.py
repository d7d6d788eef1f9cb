"""Proposal submission under load: gunicorn, PostgreSQL and Redis on loopback, 20 concurrent
delegates (of 20 States) each opening the form and submitting a proposal through it, again and
again, with no pause. Prints, per round and over all rounds, submissions (and requests) per
second and the median and p95 latency of the submitting request; then the CPU that the web
workers, PostgreSQL and the delegates' client spent per submission with its form page.

    .venv/bin/python benchmarks/submit.py [submissions per delegate per round] [rounds]

DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/wgportal_bench, CACHE_URL (the
sessions' cache, as in production) to redis://127.0.0.1:6379/1 and CELERY_BROKER_URL (where each
submission hands its receipt to a worker, as in production) to redis://127.0.0.1:6379/2; no
worker runs, and the queued receipts are purged at the end.

Goal on 2 cores: p95 under 150 ms. The database named in DATABASE_URL is created if missing
and filled with the demo data; run it against a database of its own.
"""

import datetime
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wgportal_bench")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/1")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/2")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")
# Production settings, over plain HTTP on loopback, for this process (which signs the
# delegates' sessions) and the server alike; static files are collected as in the image.
os.environ.update(
    DEBUG="0",
    SECRET_KEY="benchmark-only-key-not-a-secret-0123456789",
    SECURE_SSL_REDIRECT="0",
    SESSION_COOKIE_SECURE="0",
    CSRF_COOKIE_SECURE="0",
    WGPORTAL_VAR_DIR=tempfile.mkdtemp(prefix="wgportal-bench-"),
    LOG_LEVEL="WARNING",
)
URL = urllib.parse.urlparse(os.environ["DATABASE_URL"])
PORT = 8765
CLIENTS = 20
EACH = int(sys.argv[1]) if len(sys.argv) > 1 else 30
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def create_database():
    import psycopg2

    admin = psycopg2.connect(
        host=URL.hostname, port=URL.port or 5432, user=URL.username, dbname="postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("select 1 from pg_database where datname = %s", [URL.path[1:]])
        if not cursor.fetchone():
            cursor.execute(f'create database "{URL.path[1:]}"')
    admin.close()


def prepare():
    """Demo data, an open call that takes many proposals per State, 20 delegates' sessions."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.utils import timezone

    from meetings.models import Meeting, MemberState
    from submissions.models import CallForTopics, Delegate, SuggestedArea, TopicProposal

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    call, _ = CallForTopics.objects.update_or_create(
        reference="CU BENCH (A)",
        defaults={
            "meeting": Meeting.objects.get(slug="wg-2011"),
            "issue_date": datetime.date.today(),
            "deadline": timezone.now() + datetime.timedelta(days=30),
            "note_text_en": "Topics are invited.",
            "reply_address_en": "the secretariat",
            "email": "untoc.cop@unodc.org",
            "max_proposals_per_state": 10_000,
        },
    )
    SuggestedArea.objects.update_or_create(call=call, letter="a", defaults={"title_en": "Area"})
    CallForTopics.objects.filter(pk=call.pk).update(status="open")
    TopicProposal.objects.filter(call=call).delete()
    sessions = []
    for state in MemberState.objects.order_by("iso3")[:CLIENTS]:
        user, _ = get_user_model().objects.get_or_create(username=f"bench-{state.iso3}")
        Delegate.objects.update_or_create(user=user, defaults={"state": state})
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "wgportal.auth.PortalBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    return call, sessions


def client(call, session_key, count, latencies, errors):
    """One delegate: the form, then the submission through it, again and again. Plain sockets
    rather than http.client, so that the client takes as little as it can of the cores it
    shares with the server."""
    cookies = {b"sessionid": session_key.encode()}
    path = f"/en/proposals/calls/{call.pk}/new/".encode()
    for n in range(count):
        status, page = fetch(b"GET", path, cookies)
        if status != 200:
            errors.append(status)
            continue
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": FIELD.search(page, page.index(b"csrfmiddlewaretoken"))[1],
                "form_token": FIELD.search(page, page.index(b'name="form_token"'))[1],
                "version": "1",
                "title": f"Topic {n}",
                "description": "A description of the topic proposed.",
                "rationale": "",
                "area": AREA.search(page)[1],
                "language": "en",
                "submit": "",
            }
        ).encode()
        start = time.perf_counter()
        status, _page = fetch(b"POST", path, cookies, body)
        latencies.append(time.perf_counter() - start)
        if status != 302:
            errors.append(status)


FIELD = re.compile(rb'value="([^"]+)"')
AREA = re.compile(rb'<option value="(\d+)"')
SET_COOKIE = re.compile(rb"\r\nSet-Cookie: ([^=]+)=([^;]*)", re.IGNORECASE)


def fetch(method, path, cookies, body=b""):
    """One request on a connection of its own (gunicorn's sync workers close each one after
    its response): the status and the body; the cookies set are kept."""
    head = [
        method + b" " + path + b" HTTP/1.1",
        b"Host: 127.0.0.1:%d" % PORT,
        b"Connection: close",
        b"Cookie: " + b"; ".join(k + b"=" + v for k, v in cookies.items()),
    ]
    if body:
        head += [
            b"Content-Type: application/x-www-form-urlencoded",
            b"Content-Length: %d" % len(body),
            b"Referer: http://127.0.0.1:%d" % PORT + path,
        ]
    with socket.create_connection(("127.0.0.1", PORT), timeout=30) as connection:
        connection.sendall(b"\r\n".join(head) + b"\r\n\r\n" + body)
        response = b"".join(iter(lambda: connection.recv(65536), b""))
    headers, _, content = response.partition(b"\r\n\r\n")
    cookies.update(SET_COOKIE.findall(headers))
    return int(headers[9:12]), content


def cpu_seconds(process_name, parent=None):
    """CPU time (user and system) used so far by the processes of this name (of this parent)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            name = stat.with_name("comm").read_text().strip()
        except OSError:
            continue  # the process ended meanwhile
        if name.startswith(process_name) and (parent is None or int(fields[1]) == parent):
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def main():
    create_database()
    call, sessions = prepare()
    env = dict(os.environ)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "wgportal.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            os.environ.get("WEB_WORKERS", "2"),  # one per core: more only queue for the CPU
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(50):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/en/")
                break
            except OSError:
                time.sleep(0.2)
        run_round(call, sessions, 2, server)  # each worker loads its templates and connections
        rounds = [run_round(call, sessions, EACH, server) for _ in range(ROUNDS)]
    finally:
        server.terminate()
        server.wait(timeout=10)
        from wgportal.celery import app

        app.control.purge()  # the receipts no worker was there to write
    print(f"{CLIENTS} concurrent delegates, {EACH} submissions each per round")
    for number, measured in enumerate(rounds, 1):
        report(f"round {number}", *measured[:3])
    report(
        "all rounds",
        [latency for measured in rounds for latency in measured[0]],
        sum(measured[1] for measured in rounds),
        [error for measured in rounds for error in measured[2]],
    )
    # What the cores spend, whatever else the machine runs: the figures to compare changes by.
    web, database, delegates = (
        sum(measured[3][n] for measured in rounds) / (CLIENTS * EACH * ROUNDS) * 1000
        for n in range(3)
    )
    print(
        f"CPU per submission with its form page: web workers {web:.1f} ms, "
        f"PostgreSQL {database:.1f} ms, the delegates' client {delegates:.1f} ms"
    )


def run_round(call, sessions, count, server):
    """Each round starts from a call with no proposals: a State makes a handful in a real call,
    not hundreds, and its numbering reads them all. Returns the latencies, the time taken, the
    errors, and the CPU that the web workers, PostgreSQL and the client spent meanwhile."""
    from submissions.models import TopicProposal

    TopicProposal.objects.filter(call=call).delete()
    vacuum()
    latencies, errors = [], []
    threads = [
        threading.Thread(target=client, args=(call, key, count, latencies, errors))
        for key in sessions
    ]
    before = cpu_seconds("python", server.pid), cpu_seconds("postgres"), time.process_time()
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    after = cpu_seconds("python", server.pid), cpu_seconds("postgres"), time.process_time()
    return latencies, elapsed, errors, [b - a for a, b in zip(before, after, strict=True)]


def vacuum():
    """What autovacuum does in production (it may be off on a machine kept for benchmarks):
    without it, the rows each round deletes and the demo data loaded again by each run stay
    behind as dead rows that every later query steps over."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def report(label, latencies, elapsed, errors):
    latencies = sorted(latencies)
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(
        f"{label}: {len(latencies) / elapsed:.1f} submissions per second "
        f"({2 * len(latencies) / elapsed:.1f} requests with the form pages); "
        f"submission latency median {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms; errors {len(errors)}"
    )


if __name__ == "__main__":
    main()
