"""Background work of the document register. Tasks take ids, load, call a use case."""

from celery import shared_task

from . import register
from .models import Document


@shared_task(acks_late=True)
def render_version(document_id, language):
    """Idempotent: a language that has its version is not rendered again."""
    document = Document.objects.select_related("meeting").filter(pk=document_id).first()
    if document is not None:
        register.render_version(document, language)


@shared_task
def render_due():
    """Every minute (beat): queue again the languages of issued documents still unrendered."""
    return len(register.render_due())
