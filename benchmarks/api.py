"""The public API under 20 concurrent clients, against gunicorn, PostgreSQL and Redis on
loopback with production settings: the meetings list, and decision 4/4 with all its paragraphs
in all six languages (?lang=all). Each client asks for one after the other, without pause,
REQUESTS times each; the script prints the median and p95 latency of each and the throughput.
The rate limit is raised for the run: one address sends everything. The answers are kept on
the server (api.answers), as in production; API_KEEP_ANSWERS=0 measures them built each time.

    .venv/bin/python benchmarks/api.py [--clients 20] [--requests 50] [--port 8767]

DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/wgportal_bench_api (created if
missing and filled with the demo data), CACHE_URL to redis://127.0.0.1:6379/1.
"""

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import serving

ROOT = Path(__file__).resolve().parent.parent
PATHS = {
    "meetings list": "/api/v1/meetings?lang=en",
    "meetings list, all languages": "/api/v1/meetings?lang=all",
    "decision 4/4, all languages": "/api/v1/decisions/4/4?lang=all",
}


def environment():
    return serving.environment(
        "postgres://postgres@127.0.0.1:5432/wgportal_bench_api",
        tempfile.mkdtemp(prefix="wgportal-api-"),
        API_RATE_LIMIT="1000000/min",
    )


def get(port, path):
    began = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status}")
    return time.perf_counter() - began


def client(port, requests, timings, errors):
    for _ in range(requests):
        for name, path in PATHS.items():
            try:
                timings[name].append(get(port, path))
            except OSError as error:
                errors.append(f"{name}: {error}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="per client and address")
    parser.add_argument("--port", type=int, default=8767, help="on loopback")
    arguments = parser.parse_args()
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", arguments.port)) == 0:
            # Another server would answer in ours' stead.
            sys.exit(f"Port {arguments.port} is in use: choose another with --port.")
    env = environment()
    serving.create_database(env["DATABASE_URL"])
    python = sys.executable
    for command in (
        ["migrate", "-v0"],
        ["load_demo", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(serving.gunicorn(arguments.port), cwd=ROOT, env=env)
    try:
        for _ in range(100):  # until it answers, then each worker warms up
            try:
                get(arguments.port, "/api/v1/bodies")
                break
            except OSError:
                time.sleep(0.2)
        for _ in range(10):
            for path in PATHS.values():
                get(arguments.port, path)
        timings, errors = {name: [] for name in PATHS}, []
        threads = [
            threading.Thread(
                target=client, args=(arguments.port, arguments.requests, timings, errors)
            )
            for _ in range(arguments.clients)
        ]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=10)
    total = sum(len(t) for t in timings.values())
    print(
        f"{arguments.clients} clients, {total} requests in {elapsed:.1f} s "
        f"({total / elapsed:.0f} per second), {len(errors)} errors"
    )
    for name, values in timings.items():
        values.sort()
        print(
            f"  {name:<30} median {statistics.median(values) * 1000:5.0f} ms  "
            f"p95 {serving.percentile(values, 0.95) * 1000:5.0f} ms"
        )
    for error in sorted(set(errors))[:5]:
        print(f"  error: {error}")


if __name__ == "__main__":
    main()
