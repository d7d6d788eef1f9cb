"""What other apps attach to a paragraph (the bodies it established, the meetings it mandates),
without decisions importing them: an app registers a provider in its ready()."""

_providers = []


def register(provider):
    """``provider(paragraphs_by_id)`` appends (label, text, url) to ``paragraph.links``."""
    _providers.append(provider)


def attach(paragraphs):
    by_id = {paragraph.pk: paragraph for paragraph in paragraphs}
    for paragraph in paragraphs:
        paragraph.links = []
    for provider in _providers:
        provider(by_id)
