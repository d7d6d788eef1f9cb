"""What a download needs of a language version, kept in a cache that every process shares.

On issue day every mission asks for the same six files within seconds. Read from the database,
each download costs two round trips (the connection's health check and the version's row),
and on two cores those halve how many downloads a second the portal serves (figures in
docs/documents.md). Read from here, a download costs one round trip to Redis and no query.

A version that a worker stores must show in every web process at once, so only a shared cache
will do (the ``register`` alias: Redis when ``CACHE_URL`` names it). Without one, the alias
keeps nothing and every download reads the database.

Readers only *add* what they read. Writers, once their transaction is committed, put the
committed state in its place: the version as it now is, or ``GONE`` when it was removed. So a
reader that read the database just before a change cannot put the former state back after
it: the key is already taken. Entries expire after ``TIMEOUT`` whatever happens.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import Document, DocumentVersion

TIMEOUT = 600
GONE = "gone"  # a version removed: its address answers 404 until one is stored again
LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Only the columns a download uses.
FIELDS = [
    "language",
    "file",
    "format",
    "size",
    "sha256",
    "stored_at",
    "document__symbol",
    "document__released_at",
]


def _cache():
    return caches["register"]


def _key(symbol, language):
    # Symbols hold only the characters the path converter admits: no spaces for memcached.
    return f"version:{symbol}:{language}"


def _versions(symbol):
    return (
        DocumentVersion.objects.select_related("document")
        .only(*FIELDS)
        .filter(document__symbol=symbol)
    )


def _read(symbol, language):
    return _versions(symbol).get(language=language)


def version(symbol, language):
    """The version of the document ``symbol`` in ``language``, with its document's symbol and
    release; raises DocumentVersion.DoesNotExist when there is none."""
    key = _key(symbol, language)
    found = _cache().get(key)
    if found is None:
        found = _read(symbol, language)  # DocumentVersion.DoesNotExist when there is none
        _cache().add(key, found, TIMEOUT)
    if found == GONE:
        raise DocumentVersion.DoesNotExist
    return found


def refresh(symbol):
    """Put the committed state of every language of ``symbol`` in place of what is kept."""
    found = {stored.language: stored for stored in _versions(symbol)}
    _cache().set_many({_key(symbol, code): found.get(code, GONE) for code in LANGUAGES}, TIMEOUT)


def _refresh_on_commit(*symbols):
    for symbol in set(filter(None, symbols)):
        transaction.on_commit(lambda symbol=symbol: refresh(symbol))


@receiver(pre_save, sender=Document, dispatch_uid="version_cache_symbol")
def _remember_symbol(sender, instance, update_fields=None, raw=False, **kwargs):
    """A symbol corrected in the admin: its former addresses must stop answering too."""
    instance.former_symbol = None
    if raw or instance.pk is None or (update_fields and "symbol" not in update_fields):
        return
    instance.former_symbol = (
        Document.objects.filter(pk=instance.pk).values_list("symbol", flat=True).first()
    )


@receiver(post_save, sender=Document, dispatch_uid="version_cache_document")
def _document_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _refresh_on_commit(instance.symbol, getattr(instance, "former_symbol", None))


@receiver(post_save, sender=DocumentVersion, dispatch_uid="version_cache_version")
@receiver(post_delete, sender=DocumentVersion, dispatch_uid="version_cache_version_gone")
def _version_changed(sender, instance, raw=False, **kwargs):
    # A document keeps its versions while it exists (they protect it), so it is there to read.
    if not raw:
        _refresh_on_commit(instance.document.symbol)
