"""Median time and query count of each public page, in each language, through Django's full
request path (middleware, view, selectors, template) on the demo data.

    make bench        # or: .venv/bin/python benchmarks/pages.py [repeats]
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = [
    "/{lang}/",
    "/{lang}/decisions/4/4/",
    "/{lang}/meetings/",
    "/{lang}/meetings/wg-2009/",
    "/{lang}/meetings/wg-2009/documents/",
    "/{lang}/states/",
    "/{lang}/bodies/working-group-trafficking/",
    "/{lang}/bodies/working-group-trafficking/recommendations/",
    "/{lang}/bodies/working-group-trafficking/recommendations/?outcome=pending&format=csv",
    "/{lang}/meetings/wg-2009/calendar.ics",
]


def measure(client, path, repeats):
    client.get(path)  # warm caches: templates, translations
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    settings.DEBUG = True
    reset_queries()
    client.get(path)
    queries = len(connection.queries)
    settings.DEBUG = False
    return statistics.median(times), queries


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    call_command("load_demo", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    languages = [code for code, _name in settings.LANGUAGES]
    print(f"median ms over {repeats} requests (queries), database {connection.vendor}")
    print(f"{'page':42}" + "".join(f"{code:>12}" for code in languages))
    for page in PAGES:
        cells = []
        for code in languages:
            median, queries = measure(client, page.format(lang=code), repeats)
            cells.append(f"{median * 1000:7.1f} ({queries})")
        print(f"{page:42}" + "".join(f"{cell:>12}" for cell in cells))


if __name__ == "__main__":
    main()
