"""Issue day: an agenda is issued in six languages, then every mission downloads it at once.

The January 2010 provisional agenda (CTOC/COP/WG.4/2010/1) is issued through the portal's use
case; two Celery worker processes render its six languages into the document register. Once
the sixth is stored, 195 missions download it together, 50 at a time, each in its
correspondence language, through gunicorn (WEB_WORKERS sync workers, default 3) with
production settings, PostgreSQL and Redis on loopback; the portal is in service (its workers
have served the 2009 agenda's downloads before). It prints the seconds from "issue" to
all six versions available, and the latency of the downloads (the first one, p50, p95, p99,
the slowest), and checks that every answer is the stored file and that no web process rendered
anything (their PDF cache stays empty).

    .venv/bin/python benchmarks/issue_day.py [--rounds 3]

DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/wgportal_issue_day (created and
filled with the demo data if missing), CACHE_URL to redis://127.0.0.1:6379/1,
CELERY_BROKER_URL to redis://127.0.0.1:6379/2. Files go to var/issue-day/.

Goal on two cores: the first download served from storage, p95 under 100 ms, and under 5 s from
"issue" to the six versions available.
"""

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import serving

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "issue-day"
PORT = 8767
MISSIONS, CONCURRENT = 195, 50
SYMBOL = "CTOC/COP/WG.4/2010/1"
EARLIER = "CTOC/COP/WG.4/2009/1"

sys.path.insert(0, str(ROOT))
os.environ.update(
    serving.environment(
        "postgres://postgres@127.0.0.1:5432/wgportal_issue_day",
        VAR,
        STORAGE_URL=f"file://{VAR / 'media'}",
    )
)
VAR.mkdir(parents=True, exist_ok=True)
serving.create_database(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402

from meetings.models import Document, DocumentVersion, MemberState, ProvisionalAgenda  # noqa: E402
from meetings.services import issue_agenda  # noqa: E402
from wgportal.celery import app  # noqa: E402


def start(command, pdf_cache):
    env = {**os.environ, "PDF_CACHE_DIR": str(pdf_cache)}
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def reset():
    """The agenda back to its draft: not issued, no versions (their files stay in storage)."""
    agenda = ProvisionalAgenda.objects.get(document__symbol=SYMBOL)
    DocumentVersion.objects.filter(document=agenda.document).delete()
    Document.objects.filter(pk=agenda.document.pk).update(
        issued_at=None, released_at=None, rendered_kind="", issue_date=None
    )
    ProvisionalAgenda.objects.filter(pk=agenda.pk).update(issued_at=None)
    return ProvisionalAgenda.objects.get(pk=agenda.pk)


async def fetch(path):
    """GET on a connection of its own: (seconds, status, bytes of body)."""
    began = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    response = await reader.read()
    elapsed = time.perf_counter() - began
    writer.close()
    head, _, body = response.partition(b"\r\n\r\n")
    return elapsed, int(head[9:12]), len(body)


def download(path):
    return asyncio.run(fetch(path))


async def missions(paths):
    """Every mission's download, CONCURRENT at a time. One thread and an event loop: the load
    generator shares the cores with the portal, and threads would spend more of them."""
    slots = asyncio.Semaphore(CONCURRENT)

    async def one(path):
        async with slots:
            return await fetch(path)

    return await asyncio.gather(*(one(path) for path in paths))


def cpu_seconds(pid):
    """CPU time (user and system) of a process and its children that are alive, from /proc."""
    total = 0.0
    for task in Path("/proc").glob("[0-9]*"):
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if task.name == str(pid) or fields[1] == str(pid):  # fields[1] is the parent's pid
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise SystemExit(f"{what} within {seconds} s: no")


def served():
    try:
        return download("/en/")[1] == 200
    except OSError:
        return False


def in_service():
    """A portal in service, not one just started: its workers have served downloads of an
    earlier document before the agenda is issued (a new worker's first requests cost a few
    times the later ones while Python warms up; see docs/documents.md)."""
    earlier = DocumentVersion.objects.filter(document__symbol=EARLIER).select_related("document")
    asyncio.run(missions([f"/en{v.get_absolute_url()[3:]}" for v in earlier] * 40))


def one_round(secretariat, languages, web):
    agenda = reset()
    began = time.perf_counter()
    issue_agenda(agenda, by=secretariat)
    wait_for(
        lambda: Document.objects.filter(symbol=SYMBOL, released_at__isnull=False).exists(),
        120,
        "six versions stored",
    )
    available = time.perf_counter() - began
    versions = {v.language: v for v in DocumentVersion.objects.filter(document__symbol=SYMBOL)}
    paths = [f"/en{versions[language].get_absolute_url()[3:]}" for language in languages]
    cpu = cpu_seconds(web.pid)
    results = asyncio.run(missions(paths))
    cpu = (cpu_seconds(web.pid) - cpu) / len(paths)
    # One at a time: what a download costs without waiting for others.
    alone = statistics.median(download(paths[0])[0] for _ in range(50))
    sizes = {versions[language].size for language in languages}
    wrong = [r for r in results if r[1] != 200 or r[2] not in sizes]
    return available, [r[0] for r in results], wrong, cpu, alone


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    call_command("migrate", verbosity=0)
    if not Document.objects.filter(symbol=SYMBOL).exists():
        call_command("load_demo", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    secretariat = get_user_model().objects.get(username="secretariat")
    languages = [
        state.mission.correspondence_language
        for state in MemberState.objects.select_related("mission").order_by("iso3")
    ][:MISSIONS]
    python = sys.executable
    web_cache, worker_cache = VAR / "web-pdf", VAR / "worker-pdf"
    processes = [
        start(serving.gunicorn(PORT, workers="3"), web_cache),
        start(
            [python, "-m", "celery", "-A", "wgportal", "worker", "--concurrency", "2",
             "--loglevel", "WARNING", "--without-mingle", "--without-gossip"],
            worker_cache,
        ),
    ]  # fmt: skip
    try:
        wait_for(served, 60, "gunicorn answering")
        wait_for(lambda: app.control.ping(timeout=0.5), 60, "the worker answering")
        in_service()
        print(f"{MISSIONS} missions, {CONCURRENT} at once; languages: ", end="")
        print(", ".join(f"{code} {languages.count(code)}" for code in sorted(set(languages))))
        for number in range(1, rounds + 1):
            shutil.rmtree(web_cache, ignore_errors=True)
            shutil.rmtree(worker_cache, ignore_errors=True)  # every round renders afresh
            available, timings, wrong, cpu, alone = one_round(secretariat, languages, processes[0])
            ordered = sorted(timings)
            p50, p95, p99 = (serving.percentile(ordered, share) for share in (0.5, 0.95, 0.99))
            rendered_by_web = list(web_cache.glob("*.pdf")) if web_cache.exists() else []
            print(
                f"round {number}: issue to six versions available {available:.2f} s; "
                f"downloads first {timings[0] * 1000:.0f} ms, p50 {p50 * 1000:.0f}, "
                f"p95 {p95 * 1000:.0f}, p99 {p99 * 1000:.0f}, "
                f"slowest {ordered[-1] * 1000:.0f} ms; wrong answers {len(wrong)}; "
                f"rendered by the web processes {len(rendered_by_web)}; web CPU per download "
                f"{cpu * 1000:.1f} ms; one download alone {alone * 1000:.1f} ms"
            )
    finally:
        for process in processes:
            os.killpg(process.pid, 15)
        for process in processes:
            process.wait(timeout=30)
        reset()


if __name__ == "__main__":
    main()
