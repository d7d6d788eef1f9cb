import pytest


@pytest.fixture
def as_user(client, django_user_model):
    def sign_in(username):
        client.force_login(django_user_model.objects.get(username=username))
        return client

    return sign_in


@pytest.fixture
def celery_eager():
    """Tasks run in the test's own process (for view tests; test_tasks runs a real worker)."""
    from wgportal.celery import app

    # Tasks are queued by name; a worker imports them at start, as this process does here.
    app.loader.import_default_modules()
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def worker(tmp_path):
    """A real worker with beat's minute scan; yields the folder its mail goes to."""
    from tests.submissions.workers import start_worker, stop

    process = start_worker(tmp_path)
    yield tmp_path / "mail"
    stop(process)
