import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.utils import translation

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")
application = get_wsgi_application()

# What a worker's first request would otherwise wait for, loaded once before gunicorn forks
# (gunicorn.conf.py): the addresses with every view, each language's catalogue, and the Redis
# client that Django's cache imports at its first use. Nothing here opens a connection.
import_module(settings.ROOT_URLCONF)
for code, _name in settings.LANGUAGES:
    with translation.override(code):
        pass
import_module("redis")
