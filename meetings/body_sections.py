"""What other apps show on a body's page (the recommendations its meetings adopted), without
meetings importing them: an app registers a provider in its ready()."""

_providers = []


def register(provider):
    """``provider(request, body)`` returns an HTML section for the body's page, or ""."""
    _providers.append(provider)


def sections(request, body):
    return [section for provider in _providers if (section := provider(request, body))]
