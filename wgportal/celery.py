import os
from pathlib import Path

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")

app = Celery("wgportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def make_broker_folders(**kwargs):
    """The filesystem broker expects its folders to exist."""
    for folder in app.conf.broker_transport_options.values():
        if isinstance(folder, str) and folder.startswith(os.sep):
            Path(folder).mkdir(parents=True, exist_ok=True)
