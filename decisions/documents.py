"""Decisions as PDF, through the portal's renderer."""

from wgportal import pdf

from . import selectors


def decision_pdf(decision, language):
    """``decision`` as selectors.decision_with_paragraphs gives it."""
    return pdf.render("pdf/decision.html", {"decision": decision}, language)


def decision_filename(decision, language):
    return f"decision-{decision.number.replace('/', '-')}-{language}.pdf"


def _add_arguments(parser):
    parser.add_argument("--number", required=True, help="the decision's number, e.g. 4/4")


def _from_options(options, language):
    session, _, index = options["number"].partition("/")
    return decision_pdf(selectors.decision_with_paragraphs(int(session), int(index)), language)


def register():
    pdf.register_kind("decision", _add_arguments, _from_options)
