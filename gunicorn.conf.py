"""gunicorn's settings for the portal, read by gunicorn from the directory it starts in.

The portal is loaded once, before the workers fork: each worker starts with Django set up and
every view imported (about 0.3 s that a new worker's first request would otherwise wait, on
issue day the first mission's download), and the workers share those pages of memory.
"""

preload_app = True
