from django.shortcuts import render

from wgportal.http import found_or_404

from . import selectors


def decision_list(request):
    return render(request, "decisions/list.html", {"decisions": selectors.decision_list()})


def decision_detail(request, session, index):
    decision = found_or_404(selectors.decision_with_paragraphs, session, index)
    return render(request, "decisions/detail.html", {"decision": decision})
