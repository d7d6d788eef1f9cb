"""The proposal form renders through Django's template engine, as every other form does."""

import re

import pytest
from django.forms.renderers import DjangoTemplates
from django.template.loader import get_template
from django.utils import translation

from submissions.forms import ProposalForm

pytestmark = pytest.mark.django_db


def fields_html(form):
    return re.sub(r"\s+", " ", get_template("_form_fields.html").render({"form": form}))


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize(
    "data",
    [None, {"title": "<b>x</b>", "area": "999999", "language": "de", "description": "d"}],
    ids=["empty", "refused"],
)
def test_the_proposal_form_renders_through_djangos_templates(open_call, language, data):
    with translation.override(language):
        form = ProposalForm(data, call=open_call)
        html = fields_html(form)
    assert isinstance(form.renderer, DjangoTemplates)
    for name in ["form_token", "version", *ProposalForm.FIELDS]:
        assert f'name="{name}"' in html
    assert html.count("<option") == open_call.areas.count() + 1 + 7  # areas, "other", languages
    if data:
        assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
        assert 'aria-invalid="true"' in html
    else:
        assert 'aria-invalid="true"' not in html
