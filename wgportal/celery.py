import logging
import os

from celery import Celery, current_app

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")

app = Celery("wgportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
log = logging.getLogger(__name__)


def enqueue(task, *args):
    """Queue the task of this dotted name with these arguments. If the broker is down the work
    waits: the scan that beat runs every minute finds what was left and does it."""
    try:
        # The app current in this thread: the portal's, unless the caller made another current.
        current_app.signature(task, args=args).delay()
    except Exception:  # the broker's errors vary by transport
        log.warning("Broker unreachable; %s%r waits for the scan.", task, args)


def declare_queues(**kwargs):
    """Make the embedded broker's tables and queues, once, before the processes share them:
    kombu's SQLAlchemy transport adds a queue's row on first use, and two processes doing it at
    the same moment (a worker starting, the portal sending) fail on its unique name. Run after
    every `migrate`, which `make run` and the tests do before starting any worker."""
    if not app.conf.broker_url.startswith("sqla+"):
        return
    with app.connection_for_write() as connection:
        for queue in app.amqp.queues.values():
            queue(connection.default_channel).declare()
