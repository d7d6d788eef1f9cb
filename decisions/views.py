from django.shortcuts import render

from wgportal.http import found_or_404, pdf_response

from . import documents, selectors


def decision_list(request):
    return render(request, "decisions/list.html", {"decisions": selectors.decision_list()})


def decision_detail(request, session, index):
    decision = found_or_404(selectors.decision_with_paragraphs, session, index)
    gaps = selectors.untranslated_decision_texts(decision) if request.user.is_staff else {}
    return render(
        request, "decisions/detail.html", {"decision": decision, "translation_gaps": gaps}
    )


def decision_pdf(request, session, index):
    decision = found_or_404(selectors.decision_with_paragraphs, session, index)
    rendered = documents.decision_pdf(decision, request.LANGUAGE_CODE)
    filename = documents.decision_filename(decision, request.LANGUAGE_CODE)
    return pdf_response(request, rendered, filename)
