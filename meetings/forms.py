"""Forms of the document register's admin pages."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import files
from .models import Document


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (the pattern of Django's documentation)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    """One file or a batch. A file's document and language are those chosen, else those its
    name gives: V0851234e.pdf (a job number and its language letter, for the chosen
    document) or CTOC-COP-2008-8-E.pdf (the symbol, its slashes as hyphens)."""

    MAX_FILES = 60

    document = forms.ModelChoiceField(
        Document.objects.all(),
        required=False,
        label=_("document"),
        help_text=_("Leave it empty when each file's name gives the symbol."),
    )
    language = forms.ChoiceField(
        choices=[("", _("as the file's name says")), *settings.LANGUAGES],
        required=False,
        label=_("language"),
        help_text=_("For a single file; in a batch, each file's name gives its language."),
    )
    files = MultipleFileField(
        label=_("files"),
        help_text=_("PDF, or Word for a draft; named V0851234e.pdf or CTOC-COP-2008-8-E.pdf."),
    )
    replace = forms.BooleanField(
        required=False,
        label=_("Replace"),
        help_text=_("Replace the versions that are there already; history keeps them."),
    )

    def clean(self):
        data = super().clean()
        uploads = data.get("files") or []
        if len(uploads) > self.MAX_FILES:
            raise ValidationError(
                gettext("Upload at most %(count)s files at once.") % {"count": self.MAX_FILES}
            )
        if data.get("language") and len(uploads) > 1:
            self.add_error(
                "language",
                gettext("Choose a language for a single file only; in a batch, the names say it."),
            )
            return data
        entries, errors = [], []
        for upload in uploads:
            try:
                entries.append(self._entry(upload, data.get("document"), data.get("language")))
            except ValidationError as error:
                errors += error.messages
        if errors:
            raise ValidationError(errors)
        data["entries"] = entries
        return data

    def _entry(self, upload, document, language):
        name = upload.name
        symbol, named_language = files.parse_name(name)
        language = language or named_language
        if language is None:
            raise ValidationError(
                gettext(
                    "The name of %(name)s gives no language: choose it, or name the file "
                    "V0851234e.pdf or CTOC-COP-2008-8-E.pdf."
                )
                % {"name": name}
            )
        if symbol and document and symbol != document.symbol:
            raise ValidationError(
                gettext("%(name)s is named for %(symbol)s, not for %(document)s.")
                % {"name": name, "symbol": symbol, "document": document.symbol}
            )
        if document is None:
            if symbol is None:
                raise ValidationError(
                    gettext("The name of %(name)s gives no symbol: choose the document.")
                    % {"name": name}
                )
            document = Document.objects.filter(symbol=symbol).first()
            if document is None:
                raise ValidationError(
                    gettext("%(name)s: the register has no document %(symbol)s.")
                    % {"name": name, "symbol": symbol}
                )
        if upload.size > settings.DOCUMENT_MAX_SIZE:
            raise ValidationError(
                gettext("%(name)s is larger than %(size)s; a document's file is far smaller.")
                % {"name": name, "size": filesizeformat(settings.DOCUMENT_MAX_SIZE)}
            )
        return document, language, files.check(upload.read(), name), name
