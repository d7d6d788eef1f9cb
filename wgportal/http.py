from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse, HttpResponseNotModified


def found_or_404(select, *args):
    """What a selector finds, or a 404 when the object it looks for does not exist."""
    try:
        return select(*args)
    except ObjectDoesNotExist:
        raise Http404 from None


def pdf_response(request, rendered, filename):
    """A PDF shown in the browser; a client that already holds this very file gets a 304."""
    etag = f'"{rendered.key}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(rendered.content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    return response
