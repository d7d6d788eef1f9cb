"""The proposal form renders its widgets through Jinja2 (it is the busiest page of a call):
the HTML must be what Django's own templates give, attribute for attribute."""

import re

import pytest
from django.forms.renderers import DjangoTemplates, Jinja2
from django.template.loader import get_template
from django.utils import translation

from submissions.forms import ProposalForm

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'value="[0-9a-f-]{36}"')


def fields_html(form):
    html = get_template("_form_fields.html").render({"form": form})
    return re.sub(r"\s+", " ", TOKEN.sub('value="token"', html))


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize(
    "data",
    [None, {"title": "<b>x</b>", "area": "999999", "language": "de", "description": "d"}],
    ids=["empty", "refused"],
)
def test_jinja2_widgets_give_the_html_of_djangos_own(open_call, language, data, monkeypatch):
    assert isinstance(ProposalForm.default_renderer, Jinja2)
    with translation.override(language):
        jinja = ProposalForm(data, call=open_call)
        monkeypatch.setattr(ProposalForm, "default_renderer", DjangoTemplates())
        django = ProposalForm(data, call=open_call)
        assert fields_html(jinja) == fields_html(django)
    if data:
        assert "&lt;b&gt;x&lt;/b&gt;" in fields_html(jinja)
        assert 'aria-invalid="true"' in fields_html(jinja)
