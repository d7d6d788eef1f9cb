"""The register's documents on pages: their versions in the UN's order of languages, and the
links to them, each named in its own language."""

from django import template

from .. import register as document_register

register = template.Library()


@register.filter
def versions(document):
    """The document's versions, Arabic to Spanish (reads the prefetched versions)."""
    order = document_register.LANGUAGE_ORDER
    return sorted(document.versions.all(), key=lambda version: order.index(version.language))


@register.filter
def missing_languages(document):
    return document_register.missing_languages(document)


@register.inclusion_tag("meetings/_version_links.html")
def version_links(document):
    return {"document": document, "versions": versions(document)}
