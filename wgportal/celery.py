import os
from pathlib import Path

from celery import Celery
from kombu.transport import TRANSPORT_ALIASES

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")
# "filesystem://" is the embedded broker with whole-message writes (see wgportal.broker).
TRANSPORT_ALIASES["filesystem"] = "wgportal.broker:Transport"

app = Celery("wgportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def make_broker_folders(sender, **kwargs):
    """The filesystem broker expects its folders to exist, for senders and workers alike."""
    for folder in sender.conf.broker_transport_options.values():
        if isinstance(folder, str) and folder.startswith(os.sep):
            Path(folder).mkdir(parents=True, exist_ok=True)
