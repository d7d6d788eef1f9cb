"""The register's public pages: a meeting's documents by category with each version named in
its own language, a page per document with the symbol in its address, the agenda's
documentation linking to the versions; each in a fixed number of queries."""

import pytest

from tests.conftest import LANGUAGES
from wgportal.i18n import NATIVE_NAMES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_meetings_documents_by_category_with_versions_named_in_their_language(client, language):
    html = client.get(f"/{language}/meetings/wg-2009/documents/").content.decode()
    headings = [part.split("</h2>")[0] for part in html.split('<h2 id="category-')[1:]]
    assert len(headings) == 3  # the agenda, working documents, conference room papers
    for code in LANGUAGES:
        assert f'<span lang="{code}">{NATIVE_NAMES[code]}</span>' in html
    agenda = html.split('<h2 id="category-1">')[1].split("</section>")[0]
    assert "CTOC/COP/WG.4/2009/1" in agenda and agenda.count("hreflang=") == 6
    assert f'href="/{language}/documents/CTOC/COP/WG.4/2009/1/CTOC-COP-WG.4-2009-1-A.pdf"' in agenda
    papers = html.split('<h2 id="category-3">')[1].split("</section>")[0]
    assert "CTOC/COP/2008/CRP.8" in papers and papers.count('hreflang="en"') == 4
    assert 'hreflang="fr"' not in papers


def test_the_title_is_in_the_readers_language(client):
    html = client.get("/fr/documents/CTOC/COP/WG.4/2009/1/").content.decode()
    assert "Ordre du jour provisoire et annotations" in html
    assert "CTOC-COP-WG.4-2009-1-F.pdf" in html and "CTOC-COP-WG.4-2009-1-C.pdf" in html


def test_the_agendas_documentation_links_to_the_versions(client):
    html = client.get("/en/meetings/wg-2009/").content.decode()
    documentation = html.split('class="documentation"')[1].split("</ul>")[0]
    assert 'href="/en/documents/CTOC/COP/2008/6/"' in documentation
    assert 'href="/en/documents/CTOC/COP/2008/6/CTOC-COP-2008-6-R.pdf"' in documentation


def test_the_pages_queries_are_fixed(client, django_assert_num_queries):
    with django_assert_num_queries(4):  # meeting, documents, their agenda items, versions
        client.get("/en/meetings/wg-2009/documents/")
    with django_assert_num_queries(3):  # document and meeting, versions, agenda items
        client.get("/en/documents/CTOC/COP/WG.4/2009/1/")
    with django_assert_num_queries(1):
        response = client.get("/en/documents/CTOC/COP/2008/8/CTOC-COP-2008-8-E.pdf")
        b"".join(response.streaming_content)
