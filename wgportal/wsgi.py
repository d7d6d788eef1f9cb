import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wgportal.settings")
application = get_wsgi_application()
# The addresses, and with them every view, imported now rather than by the first request.
import_module(settings.ROOT_URLCONF)
