"""The document register's use cases: each document's language versions stored, uploaded or
rendered by the portal; a document issued; and released to the public at the moment every
language it is issued in has its version, never one language before the others.

Documents the portal writes itself (a provisional agenda, a report, a note by the Secretariat)
go through the register like any other. Their app registers a renderer for its kind,
``wgportal.pdf.register_kind(name, ..., from_document=render)`` with ``render(document,
language)``, and its use case names that kind on the document and issues it:

    register.issue_document(document, by=user, rendered_kind="agenda")

Issuing queues one task per language (``meetings.tasks.render_version``), run once the
transaction is committed; each renders its language and stores it as the version. A language
that has its rendered version is never rendered again, so issuing twice, a task delivered twice
or a worker's retry renders nothing twice; the beat's scan (``render_due``) picks up what a
broker that was down left undone.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wgportal import pdf
from wgportal.i18n import join_names, language_name

from . import files
from .enqueue import enqueue
from .models import Document, DocumentVersion, version_path

log = logging.getLogger(__name__)
LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]


def ordered(languages):
    return sorted(languages, key=LANGUAGE_ORDER.index)


def languages_of_issue(document):
    return ordered(document.languages or document.default_languages())


def missing_languages(document):
    """The languages of issue that have no version yet, in the UN's order. Reads
    ``document.versions.all()``, so that a prefetched list serves a whole page."""
    present = {version.language for version in document.versions.all()}
    return [code for code in languages_of_issue(document) if code not in present]


def _require(by, permission, document=None):
    if by is None or not by.has_perm(permission, document):
        raise PermissionDenied


def _names(languages):
    return join_names([str(language_name(code)) for code in languages])


# Storing versions.


def store_version(document, language, checked, *, source, name="", by=None):
    """Store a checked file as the document's version in ``language``, replacing the one it
    had (history keeps it, and its file stays in storage). The caller holds the document's row
    lock and has checked that it may. Releases the document if this was the last language."""
    version = document.versions.filter(language=language).first() or DocumentVersion(
        document=document, language=language
    )
    version.format = checked.format
    version.pages = checked.pages
    version.size = checked.size
    version.sha256 = checked.sha256
    version.source = source
    version.original_name = name[:255]
    version.stored_at = timezone.now()
    version.stored_by = by
    version.issue_date = _today(document) if document.released_at else None
    storage = version.file.storage
    # Named by content: the same file stored twice (a retry) is written once.
    target = version_path(version, f"file.{checked.format}")
    if not storage.exists(target):
        target = storage.save(target, ContentFile(checked.content))
    version.file.name = target
    version.save()
    _release_if_complete(document)
    return version


def _today(document):
    zone = document.meeting.zone if document.meeting_id else timezone.get_default_timezone()
    return timezone.localdate(timezone=zone)


def _release_if_complete(document):
    """Issued and every language there: public from now, each version dated as issued."""
    if document.issued_at is None or document.released_at is not None:
        return
    present = set(document.versions.values_list("language", flat=True))
    if set(languages_of_issue(document)) - present:
        return
    document.released_at = timezone.now()
    document.save(update_fields=["released_at"])
    for version in document.versions.filter(issue_date__isnull=True):
        version.issue_date = document.issue_date
        version.save(update_fields=["issue_date"])


def _locked(document):
    # Only the document's row: PostgreSQL locks no row of an outer join.
    locked = Document.objects.select_for_update(of=("self",)).select_related("meeting")
    return locked.get(pk=document.pk)


@transaction.atomic
def upload_versions(entries, *, by, replace=False):
    """Store uploaded files as versions: ``entries`` are (document, language, checked file,
    name). All are checked first; one refused and none is stored. A language that has its
    version already is replaced only with ``replace``. Returns the versions stored."""
    _require(by, "meetings.store_version")
    errors, seen, locked = [], {}, {}
    for document, language, _checked, name in entries:
        key = (document.pk, language)
        if key in seen:
            errors.append(
                _(
                    "%(name)s and %(other)s are both the %(language)s version of %(symbol)s; "
                    "upload one of them."
                )
                % {
                    "name": name,
                    "other": seen[key],
                    "language": language_name(language),
                    "symbol": document.symbol,
                }
            )
            continue
        seen[key] = name
        if document.pk not in locked:
            locked[document.pk] = _locked(document)
        document = locked[document.pk]
        if error := _refusal(document, language, name, replace):
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return [
        store_version(locked[document.pk], language, checked, source="uploaded", name=name, by=by)
        for document, language, checked, name in entries
    ]


def _refusal(document, language, name, replace):
    values = {"name": name, "symbol": document.symbol, "language": language_name(language)}
    if document.rendered_kind:
        return (
            _("%(symbol)s is rendered by the portal in each language; %(name)s cannot replace it.")
            % values
        )
    if language not in languages_of_issue(document):
        return (
            _(
                "%(symbol)s is not issued in %(language)s (%(name)s); add the language to the "
                "document first."
            )
            % values
        )
    if not replace and document.versions.filter(language=language).exists():
        return (
            _(
                "%(symbol)s has its %(language)s version already; choose “Replace” to replace it "
                "with %(name)s."
            )
            % values
        )
    return None


@transaction.atomic
def remove_version(version, *, by):
    """Take out a version of a document not yet public; its file goes from storage."""
    _require(by, "meetings.store_version")
    document = _locked(version.document)
    if document.issued_at:
        raise ValidationError(
            _("%(symbol)s is issued; replace its %(language)s version instead of removing it.")
            % {"symbol": document.symbol, "language": language_name(version.language)}
        )
    name = version.file.name
    version.delete()
    if not DocumentVersion.objects.filter(file=name).exists():
        transaction.on_commit(lambda: version.file.storage.delete(name))


# Issuing.


@transaction.atomic
def issue_document(document, *, by, on=None, rendered_kind=None):
    """Issue the document, dated ``on`` (else its date of issue, else today). An uploaded
    document needs every language's version first; one the portal renders (``rendered_kind``,
    a kind registered with ``from_document``) gets them from a worker, and is public once the
    last is stored. Returns the document."""
    _require(by, "meetings.issue_document", document)
    document = _locked(document)
    if document.issued_at:
        raise ValidationError(_("%(symbol)s is issued already.") % {"symbol": document.symbol})
    if rendered_kind is not None:
        if rendered_kind not in pdf.DOCUMENT_KINDS:
            raise ValidationError(
                _("The portal cannot render documents of the kind “%(kind)s”.")
                % {"kind": rendered_kind}
            )
        document.rendered_kind = rendered_kind
    elif document.rendered_kind:
        raise ValidationError(
            _(
                "%(symbol)s is rendered by the portal; it is issued with what it records (its "
                "provisional agenda, its report)."
            )
            % {"symbol": document.symbol}
        )
    elif missing := missing_languages(document):
        raise ValidationError(
            _("%(symbol)s has no version yet in %(languages)s; upload them, then issue it.")
            % {"symbol": document.symbol, "languages": _names(missing)}
        )
    document.languages = languages_of_issue(document)
    document.issue_date = on or document.issue_date or _today(document)
    document.issued_at = timezone.now()
    document.save(update_fields=["languages", "issue_date", "issued_at", "rendered_kind"])
    if document.rendered_kind:
        for language in missing_languages(document):
            transaction.on_commit(
                lambda language=language: enqueue("render_version", document.pk, language)
            )
    _release_if_complete(document)
    return document


def render_version(document, language):
    """Render an issued document in ``language`` and store it as its version, unless that is
    done already (then nothing is rendered). Returns the version stored, or None."""
    if not _wants_rendering(document, language):
        return None
    render = pdf.DOCUMENT_KINDS[document.rendered_kind]
    # Seconds of work, holding no lock: another worker may do the same language meanwhile.
    rendered = render(document, language)
    if rendered.missing_glyphs:
        log.error(
            "%s (%s): no font draws %s", document.symbol, language, "".join(rendered.missing_glyphs)
        )
    checked = files.check(rendered.content, f"{document.file_stem}.pdf")
    try:
        with transaction.atomic():
            document = _locked(document)
            if not _wants_rendering(document, language):
                return None
            return store_version(document, language, checked, source="rendered")
    except IntegrityError:  # stored by another worker between the check and the insert
        return None


def _wants_rendering(document, language):
    return (
        document.issued_at is not None
        and document.rendered_kind in pdf.DOCUMENT_KINDS
        and language in document.languages
        and not document.versions.filter(language=language).exists()
    )


def render_due():
    """(document id, language) of every issued, rendered document's language still without
    its version: queued again by the scan."""
    due = []
    # Issued a while ago: the tasks queued at issue have had their chance.
    before = timezone.now() - timedelta(seconds=settings.OUTBOX_REDISPATCH_AFTER)
    pending = Document.objects.filter(issued_at__lt=before, released_at__isnull=True).exclude(
        rendered_kind=""
    )
    for document in pending.prefetch_related("versions"):
        due += [(document.pk, language) for language in missing_languages(document)]
    for args in due:
        enqueue("render_version", *args)
    return due
