"""Work handed to a worker, by the task's name. The modules that record the work (services,
receipts, the outbox) never import `tasks.py`, which imports them: tasks call services, and
services reach tasks only through this function."""

from wgportal import celery


def enqueue(task, *args):
    """Queue `submissions.tasks.<task>` with these arguments; see wgportal.celery.enqueue."""
    celery.enqueue(f"submissions.tasks.{task}", *args)
