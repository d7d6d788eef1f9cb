"""A stored file served as HTTP wants it: validators (ETag, Last-Modified) answered with 304
when the client has the file, and byte ranges (RFC 9110, section 14) so that a reader resumes a
broken download or a PDF viewer fetches the pages it shows.

Django's FileResponse serves whole files and its static ``serve`` knows no ranges; this adds
the one range form readers send ("bytes=first-last", "bytes=first-", "bytes=-suffix"). A
header with several ranges, or one that cannot be parsed, is ignored and the whole file sent,
as the RFC allows; a range that starts past the end is answered 416.
"""

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

BLOCK = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Unsatisfiable(Exception):
    pass


def byte_range(header, size):
    """(first, last) byte positions, inclusive, that a Range header asks of a file of ``size``
    bytes; None for the whole file. Raises Unsatisfiable for a range the file cannot give."""
    match = RANGE.match((header or "").strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if not first:  # the last ``last`` bytes
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return max(0, size - suffix), size - 1
    first = int(first)
    if last and int(last) < first:  # not a valid range: ignored
        return None
    if first >= size:
        raise Unsatisfiable
    return first, min(int(last), size - 1) if last else size - 1


def serve(request, file, *, size, etag, modified, content_type, filename, language, public):
    """The response for GET or HEAD of an open storage ``file``. ``etag`` is a strong
    validator without quotes (the content's checksum), ``modified`` an aware datetime."""
    quoted = f'"{etag}"'
    timestamp = int(modified.timestamp())
    response = get_conditional_response(request, etag=quoted, last_modified=timestamp)
    if response is None:
        response = _content(request, file, size, quoted, content_type, filename)
    else:
        file.close()
    response["ETag"] = quoted
    response["Last-Modified"] = http_date(timestamp)
    response["Accept-Ranges"] = "bytes"
    response["Content-Language"] = language
    # Kept by browsers and proxies, asked again each time: a replaced file shows at once.
    response["Cache-Control"] = "public, no-cache" if public else "private, no-cache"
    return response


def _content(request, file, size, quoted, content_type, filename):
    requested = request.headers.get("Range")
    if_range = request.headers.get("If-Range")
    if requested and if_range is not None and if_range.strip() != quoted:
        requested = None  # the client's copy is not this file: it gets all of it
    try:
        bounds = byte_range(requested, size) if requested else None
    except Unsatisfiable:
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if bounds is None:
        response = FileResponse(file, content_type=content_type, filename=filename)
        response["Content-Length"] = str(size)
        return response
    first, last = bounds
    response = StreamingHttpResponse(
        _read(file, first, last - first + 1), status=206, content_type=content_type
    )
    response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Length"] = str(last - first + 1)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _read(file, start, length):
    try:
        file.seek(start)
        while length > 0:
            block = file.read(min(BLOCK, length))
            if not block:
                return
            length -= len(block)
            yield block
    finally:
        file.close()
