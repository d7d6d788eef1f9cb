"""Work handed to a worker, by the task's name. The modules that record the work (services,
receipts, the outbox) never import `tasks.py`, which imports them: tasks call services, and
services reach tasks only through this function."""

import logging

from celery import current_app

log = logging.getLogger(__name__)


def enqueue(task, *args):
    """Queue `submissions.tasks.<task>` with these arguments. If the broker is down the work
    waits: the scan that beat runs every minute finds what was left and does it."""
    try:
        current_app.signature(f"submissions.tasks.{task}", args=args).delay()
    except Exception:  # the broker's errors vary by transport
        log.warning("Broker unreachable; %s%r waits for the scan.", task, args)
