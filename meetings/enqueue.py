"""Work handed to a worker, by the task's name: the register's use cases never import
`tasks.py`, which imports them."""

from wgportal import celery


def enqueue(task, *args):
    """Queue `meetings.tasks.<task>` with these arguments; see wgportal.celery.enqueue."""
    celery.enqueue(f"meetings.tasks.{task}", *args)
