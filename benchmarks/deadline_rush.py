"""The last hour before a call's deadline, compressed, against gunicorn, PostgreSQL and Redis on
loopback with production settings.

195 States have 3 delegates each. Each delegate played opens their State's page, then the
form, saves a draft (and lands on it), submits it (and lands on the receipt): six requests,
with a think time drawn from 5 to 60 seconds before each but the first. In the realistic hour
all 585 delegates start at random times within it: 3,510 requests, about one a second. The run
compresses the hour into SECONDS (so the think times too) and keeps the rate: it plays
585 x SECONDS / 3600 delegates at random. It then plays the same at ten times the rate (ten
times as many delegates in the same time). It prints, per rate, the p50/p95/p99 latency of
each page and the CPU that the web workers and PostgreSQL spent per submission (its five other
requests included). No Celery worker runs: the receipts' e-mails wait in the queue, which is
purged at the end.

    .venv/bin/python benchmarks/deadline_rush.py [--seconds 90] [--checkout DIR ...]

Each --checkout (default: this one) is measured in turn, with its own code, its own database
(the name in DATABASE_URL with "_rush_" and a hash of the checkout's path added, created if
missing and filled with the demo data) and the Python of its .venv if it has one, so that two
versions of the portal are measured in one run, e.g. this one and an older commit unpacked with
`git archive <commit> | tar -x -C DIR` (run `make python-packages` in DIR first).
DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/wgportal_bench, CACHE_URL (the
sessions' cache) to redis://127.0.0.1:6379/1, CELERY_BROKER_URL to redis://127.0.0.1:6379/2.
Every request goes to 127.0.0.1, each with a 30-second timeout.

Goal on 2 cores, at ten times the realistic rate: p95 under 300 ms for every page.
"""

import argparse
import hashlib
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import serving

ROOT = Path(__file__).resolve().parent.parent
STATES, DELEGATES_PER_STATE, HOUR = 195, 3, 3600
THINK = (5, 60)  # seconds, in the real hour
PAGES = ["state page", "form", "save draft", "draft", "submit", "receipt"]
PORT = 8766
TIMEOUT = 30

# What each checkout's Python runs first, in that checkout's code: the demo data, an open call,
# 585 delegates and their signed-in sessions. Prints {"call": pk, "sessions": [...]}.
PREPARE = """
import datetime, json, sys
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
    reference="CU RUSH (A)",
    defaults={
        "meeting": Meeting.objects.get(slug="wg-2011"),
        "issue_date": datetime.date.today(),
        "deadline": timezone.now() + datetime.timedelta(hours=1),
        "note_text_en": "Topics are invited.",
        "reply_address_en": "the secretariat",
        "email": "untoc.cop@unodc.org",
        # Delegates of one State are played in both rates: the limit is not what is measured.
        "max_proposals_per_state": 100,
    },
)
for letter in "abcdefgh":
    SuggestedArea.objects.update_or_create(
        call=call, letter=letter, defaults={"title_en": f"Area {letter}"}
    )
CallForTopics.objects.filter(pk=call.pk).update(status="open")
if hasattr(CallForTopics, "max_drafts_per_state"):  # the drafts' cap, newer than some checkouts
    CallForTopics.objects.filter(pk=call.pk).update(max_drafts_per_state=100)
TopicProposal.objects.filter(call=call).delete()
sessions = []
states, each = int(sys.argv[1]), int(sys.argv[2])
for state in MemberState.objects.order_by("iso3")[:states]:
    for n in range(each):
        name = f"rush-{state.iso3}-{n}"
        user, _ = get_user_model().objects.get_or_create(
            username=name, defaults={"email": f"{name}@example.invalid"}
        )
        Delegate.objects.update_or_create(user=user, defaults={"state": state})
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "wgportal.auth.PortalBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
from django.db import connection
with connection.cursor() as cursor:
    # Autovacuum's work, done before measuring; the ORM has no word for VACUUM.
    cursor.execute("VACUUM ANALYZE")
print(json.dumps({"call": call.pk, "sessions": sessions}))
"""


def checkout_id(checkout):
    """The same database for the same checkout, run after run: its schema is that code's."""
    return hashlib.sha1(str(checkout).encode()).hexdigest()[:8]


def environment(checkout):
    """Production settings over plain HTTP on loopback, a database and var/ of its own."""
    url = urllib.parse.urlparse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wgportal_bench")
    )
    parts = list(url)
    parts[2] += f"_rush_{checkout_id(checkout)}"  # the path, which names the database
    database = urllib.parse.urlunparse(parts)
    return serving.environment(
        database,
        tempfile.mkdtemp(prefix="wgportal-rush-"),
        DATABASE_URL=database,
        PYTHONPATH=str(checkout),
    )


FIELD = re.compile(rb'name="(csrfmiddlewaretoken|form_token|version)" value="([^"]+)"')
AREA = re.compile(rb'<option value="(\d+)"')
SET_COOKIE = re.compile(rb"\r\nSet-Cookie: ([^=]+)=([^;]*)", re.IGNORECASE)
LOCATION = re.compile(rb"\r\nLocation: ([^\r]+)", re.IGNORECASE)


def fetch(method, path, cookies, fields=None):
    """One request on a connection of its own (gunicorn's sync workers close each one after
    its response): the status, the Location header and the body; the cookies set are kept."""
    body = urllib.parse.urlencode(fields).encode() if fields else b""
    head = [
        f"{method} {path} HTTP/1.1".encode(),
        b"Host: 127.0.0.1:%d" % PORT,
        b"Connection: close",
        b"Cookie: " + b"; ".join(k + b"=" + v for k, v in cookies.items()),
    ]
    if fields:
        head += [
            b"Content-Type: application/x-www-form-urlencoded",
            b"Content-Length: %d" % len(body),
            b"Referer: http://127.0.0.1:%d%s" % (PORT, path.encode()),
        ]
    with socket.create_connection(("127.0.0.1", PORT), timeout=TIMEOUT) as connection:
        connection.sendall(b"\r\n".join(head) + b"\r\n\r\n" + body)
        response = b"".join(iter(lambda: connection.recv(65536), b""))
    headers, _, content = response.partition(b"\r\n\r\n")
    cookies.update(SET_COOKIE.findall(headers))
    location = LOCATION.search(headers)
    return int(headers[9:12]), location[1].decode() if location else "", content


def delegate(call, session_key, start, think, timings, errors):
    """One delegate's visit: each step after its think time, timed; a wrong answer ends it."""
    cookies = {b"sessionid": session_key.encode()}
    fields = {}

    def step(page, method, path, expected, data=None):
        time.sleep(max(0.0, start - time.monotonic()) if page == PAGES[0] else think())
        began = time.perf_counter()
        status, location, content = fetch(method, path, cookies, data)
        timings[page].append(time.perf_counter() - began)
        fields.update((k.decode(), v.decode()) for k, v in FIELD.findall(content))
        if status != expected:
            raise RuntimeError(f"{page}: {status}")
        return location, content

    try:
        step("state page", "GET", "/en/proposals/", 200)
        _, form = step("form", "GET", f"/en/proposals/calls/{call}/new/", 200)
        draft, _ = step(
            "save draft",
            "POST",
            f"/en/proposals/calls/{call}/new/",
            302,
            {
                **fields,
                "title": "Identification of victims among migrants",
                "description": "What the Working Group could recommend to States.",
                "rationale": "",
                "area": AREA.search(form)[1].decode(),
                "language": "en",
                "save": "",
            },
        )
        step("draft", "GET", draft, 200)
        receipt, _ = step("submit", "POST", draft + "submit/", 302, fields)
        step("receipt", "GET", receipt, 200)
    except (OSError, RuntimeError, TypeError) as error:
        errors.append(str(error))


def cpu_seconds(pids, database):
    """CPU time (user and system) used so far by these processes and by PostgreSQL's backends
    serving this database (the machine's other work left out)."""
    web = postgres = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = stat.with_name("cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue  # the process ended meanwhile
        used = int(fields[11]) + int(fields[12])
        if int(stat.parent.name) in pids or int(fields[1]) in pids:
            web += used
        elif command.startswith("postgres: ") and f" {database} " in command:
            postgres += used
    return web / os.sysconf("SC_CLK_TCK"), postgres / os.sysconf("SC_CLK_TCK")


def play(rate, seconds, prepared, server, database):
    """Delegates at this multiple of the realistic rate, over the compressed hour."""
    scale = seconds / HOUR
    count = min(round(STATES * DELEGATES_PER_STATE * rate * scale), len(prepared["sessions"]))
    chosen = random.sample(prepared["sessions"], count)
    timings, errors = {page: [] for page in PAGES}, []
    origin = time.monotonic() + 1
    threads = [
        threading.Thread(
            target=delegate,
            args=(
                prepared["call"],
                key,
                origin + random.uniform(0, seconds),
                lambda: random.uniform(*THINK) * scale,
                timings,
                errors,
            ),
            daemon=True,
        )
        for key in chosen
    ]
    before = cpu_seconds({server.pid}, database)
    for thread in threads:
        thread.start()
    for thread in threads:
        # Bounded: the compressed hour, the think times and every request's timeout.
        thread.join(
            timeout=max(1.0, origin + seconds + 6 * (THINK[1] * scale + TIMEOUT) - time.monotonic())
        )
    after = cpu_seconds({server.pid}, database)
    submitted = len(timings["submit"]) - sum(1 for e in errors if e.startswith("submit"))
    return count, timings, errors, submitted, [b - a for a, b in zip(before, after, strict=True)]


def measure(checkout, seconds):
    env = environment(checkout)
    database = urllib.parse.urlparse(env["DATABASE_URL"]).path[1:]
    serving.create_database(env["DATABASE_URL"])
    python = checkout / ".venv" / "bin" / "python"
    python = str(python) if python.exists() else sys.executable
    prepared = subprocess.run(
        [python, "-c", PREPARE, str(STATES), str(DELEGATES_PER_STATE)],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
    )
    if prepared.returncode:
        sys.exit(f"Preparing {checkout} failed:\n{prepared.stderr}")
    prepared = json.loads(prepared.stdout.strip().splitlines()[-1])
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=checkout,
        env=env,
        check=True,
    )
    server = subprocess.Popen(serving.gunicorn(PORT, python=python), cwd=checkout, env=env)
    try:
        warm_up(prepared)
        results = [(rate, play(rate, seconds, prepared, server, database)) for rate in (1, 10)]
    finally:
        server.terminate()
        server.wait(timeout=10)
        import redis

        redis.Redis.from_url(env["CELERY_BROKER_URL"]).delete("celery")  # receipts never sent
    return results


def warm_up(prepared):
    """Each worker loads its templates and opens its connections before anything is timed."""
    for _ in range(100):
        try:
            fetch("GET", "/en/", {})
            break
        except OSError:
            time.sleep(0.2)
    cookies = {b"sessionid": prepared["sessions"][0].encode()}
    for _ in range(10):
        fetch("GET", "/en/proposals/", cookies)
        fetch("GET", f"/en/proposals/calls/{prepared['call']}/new/", cookies)


def report(checkout, results, seconds):
    print(f"== {'this checkout' if checkout == ROOT else checkout.name}")
    for rate, (count, timings, errors, submitted, (web, database)) in results:
        requests = sum(len(t) for t in timings.values())
        print(
            f"{rate} x the realistic rate: {count} delegates in {seconds} s, {requests} requests "
            f"({requests / seconds:.1f} per second), {len(errors)} errors"
        )
        for page in PAGES:
            values = sorted(timings[page])
            if values:
                p50, p95, p99 = (serving.percentile(values, s) * 1000 for s in (0.5, 0.95, 0.99))
                print(
                    f"  {page:<11} n={len(values):<4} p50 {p50:4.0f} ms  p95 {p95:4.0f} ms  "
                    f"p99 {p99:4.0f} ms"
                )
        if submitted:
            print(
                f"  CPU per submission with its five other requests: web workers "
                f"{web / submitted * 1000:.0f} ms, PostgreSQL {database / submitted * 1000:.0f} ms"
            )
        for error in sorted(set(errors))[:5]:
            print(f"  error: {error}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=90, help="the compressed hour")
    parser.add_argument("--checkout", type=Path, action="append", help="a checkout to measure")
    arguments = parser.parse_args()
    checkouts = [path.resolve() for path in arguments.checkout or [ROOT]]
    measured = [(c, measure(c, arguments.seconds)) for c in checkouts]
    for checkout, results in measured:
        report(checkout, results, arguments.seconds)


if __name__ == "__main__":
    main()
