from django.http import Http404
from django.shortcuts import render

from . import selectors
from .models import Decision


def decision_list(request):
    return render(request, "decisions/list.html", {"decisions": selectors.decision_list()})


def decision_detail(request, session, index):
    try:
        decision = selectors.decision_with_paragraphs(session, index)
    except Decision.DoesNotExist:
        raise Http404 from None
    return render(request, "decisions/detail.html", {"decision": decision})
