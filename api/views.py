"""The operations: parse the query, select through the apps' selectors (which hold what the
public may see), represent. Thin, as the portal's page views are."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router
from rules import has_perm

from decisions import selectors as decisions
from meetings import selectors as meetings
from meetings.models import Meeting
from recommendations import selectors as recommendations
from wgportal.http import found_or_404

from . import schemas
from .languages import Texts, chosen
from .pagination import page
from .represent import Represent

router = Router()
ERRORS = {400: schemas.Error, 404: schemas.Error, 429: schemas.Error}


def represent(request, query):
    texts = Texts(chosen(request, query.lang))
    request.api_language = texts.header
    return Represent(request, texts)


def paged(request, query, queryset, order, item):
    out = represent(request, query)
    items, following = page(request, queryset, order, query.cursor, query.limit)
    return {"next": following, "results": [getattr(out, item)(obj) for obj in items]}


def of_meetings(found, query, to_meeting=""):
    """``found`` narrowed as the lists of meetings, agendas and recommendations narrow it: to
    the meetings of ``body``, and to those whose days overlap ``date_from`` … ``date_to``.
    ``to_meeting`` is the path from the listed model to its meeting ("meeting__")."""
    if query.body:
        found = found.filter(**{f"{to_meeting}body__slug": query.body})
    if query.date_from:
        found = found.filter(**{f"{to_meeting}end_date__gte": query.date_from})
    if query.date_to:
        found = found.filter(**{f"{to_meeting}start_date__lte": query.date_to})
    return found


# Bodies


@router.get("/bodies", response={200: schemas.BodyPage, **ERRORS}, url_name="body_list")
def body_list(request, query: Query[schemas.PageQuery]):
    """The Conference, its Bureau and its working groups."""
    return paged(request, query, meetings.public_bodies(), ["pk"], "body")


@router.get("/bodies/{slug:slug}", response={200: schemas.BodyOut, **ERRORS}, url_name="body")
def body_detail(request, slug: Path[str], query: Query[schemas.LanguageQuery]):
    body = get_object_or_404(meetings.public_bodies(), slug=slug)
    return represent(request, query).body(body)


# Meetings


class MeetingQuery(schemas.PageQuery, schemas.DateRange):
    body: str | None = schemas.Field(
        None, pattern=schemas.SLUG, description="Meetings of this body (its slug)."
    )


@router.get("/meetings", response={200: schemas.MeetingPage, **ERRORS}, url_name="meeting_list")
def meeting_list(request, query: Query[MeetingQuery]):
    """Every meeting, earliest first; `date_from`/`date_to` keep those that overlap the span."""
    found = of_meetings(meetings.public_meetings(), query)
    return paged(request, query, found, ["start_date", "pk"], "meeting")


@router.get(
    "/meetings/{slug:slug}", response={200: schemas.MeetingOut, **ERRORS}, url_name="meeting"
)
def meeting_detail(request, slug: Path[str], query: Query[schemas.LanguageQuery]):
    meeting = get_object_or_404(meetings.public_meetings(), slug=slug)
    return represent(request, query).meeting(meeting)


# Decisions


class DecisionQuery(schemas.PageQuery):
    session: int | None = schemas.Field(
        None, ge=1, le=32767, description="Decisions of this session of the Conference."
    )


@router.get("/decisions", response={200: schemas.DecisionPage, **ERRORS}, url_name="decision_list")
def decision_list(request, query: Query[DecisionQuery]):
    found = decisions.decision_list()
    if query.session:
        found = found.filter(session__number=query.session)
    return paged(request, query, found, ["session__number", "index"], "decision_summary")


@router.get(
    "/decisions/{session}/{index}",
    response={200: schemas.DecisionOut, **ERRORS},
    url_name="decision",
)
def decision_detail(
    request, session: Path[int], index: Path[int], query: Query[schemas.LanguageQuery]
):
    """The decision with its paragraphs, sub-paragraphs under their paragraph, and footnotes."""
    decision = found_or_404(decisions.decision_with_paragraphs, session, index)
    return represent(request, query).decision(decision)


# Documents


class DocumentQuery(schemas.PageQuery, schemas.DateRange):
    symbol: str | None = schemas.Field(
        None,
        max_length=80,
        pattern=schemas.SYMBOL_START,
        description="Documents whose symbol begins so: CTOC/COP/WG.4/.",
    )
    meeting: str | None = schemas.Field(
        None, pattern=schemas.SLUG, description="Documents of this meeting (slug)."
    )
    body: str | None = schemas.Field(
        None, pattern=schemas.SLUG, description="Documents of this body's meetings."
    )


@router.get("/documents", response={200: schemas.DocumentPage, **ERRORS}, url_name="document_list")
def document_list(request, query: Query[DocumentQuery]):
    """Documents once public (issued, each language with its file), by symbol, with their
    versions; `date_from`/`date_to` on the date of issue."""
    found = meetings.public_documents()
    if query.symbol:
        found = found.filter(symbol__startswith=query.symbol)
    if query.meeting:
        # The documents the meeting's page lists, and only those.
        meeting = Meeting.objects.filter(slug=query.meeting).first()
        listed = meetings.meeting_documents(meeting).values("pk") if meeting else []
        found = found.filter(pk__in=listed)
    if query.body:
        found = found.filter(meeting__body__slug=query.body)
    if query.date_from:
        found = found.filter(issue_date__gte=query.date_from)
    if query.date_to:
        found = found.filter(issue_date__lte=query.date_to)
    return paged(request, query, found, ["symbol"], "document")


@router.get(
    "/documents/{symbol:symbol}",
    response={200: schemas.DocumentOut, **ERRORS},
    url_name="document",
)
def document_detail(request, symbol: Path[str], query: Query[schemas.LanguageQuery]):
    document = found_or_404(meetings.document, symbol)  # public ones only, as its page
    return represent(request, query).document(document)


# Provisional agendas


class AgendaQuery(schemas.PageQuery, schemas.DateRange):
    body: str | None = schemas.Field(
        None, pattern=schemas.SLUG, description="Agendas of this body's meetings."
    )


@router.get("/agendas", response={200: schemas.AgendaPage, **ERRORS}, url_name="agenda_list")
def agenda_list(request, query: Query[AgendaQuery]):
    """Issued provisional agendas with their items, annotations and documentation, by the
    meeting's first day; `date_from`/`date_to` on the meeting's days."""
    found = of_meetings(meetings.issued_agendas(), query, "meeting__")
    return paged(request, query, found, ["meeting__start_date", "pk"], "agenda")


@router.get("/agendas/{slug:slug}", response={200: schemas.AgendaOut, **ERRORS}, url_name="agenda")
def agenda_detail(request, slug: Path[str], query: Query[schemas.LanguageQuery]):
    """The provisional agenda of the meeting, once issued."""
    agenda = get_object_or_404(meetings.issued_agendas(), meeting__slug=slug)
    # The rule the meeting's page applies, as it applies to someone not signed in.
    if not has_perm("meetings.view_provisionalagenda", AnonymousUser(), agenda):
        raise Http404
    return represent(request, query).agenda(agenda)


# Recommendations and their follow-up


class RecommendationQuery(schemas.PageQuery, schemas.DateRange):
    body: str | None = schemas.Field(
        None, pattern=schemas.SLUG, description="Adopted by this body's meetings."
    )
    meeting: str | None = schemas.Field(
        None, pattern=schemas.SLUG, description="Adopted by this meeting (slug)."
    )


def readable_recommendations():
    """What the follow-up pages show someone not signed in: recommendations of meetings whose
    report is public (issued, and its versions stored)."""
    return recommendations.readable_with_follow_up(AnonymousUser()).select_related("meeting__body")


@router.get(
    "/recommendations",
    response={200: schemas.RecommendationPage, **ERRORS},
    url_name="recommendation_list",
)
def recommendation_list(request, query: Query[RecommendationQuery]):
    """Recommendations of meetings whose report is public, by meeting and number, each with
    the note that transmitted it and its follow-up; `date_from`/`date_to` on the meeting's
    days."""
    found = of_meetings(readable_recommendations(), query, "meeting__")
    if query.meeting:
        found = found.filter(meeting__slug=query.meeting)
    order = ["meeting__start_date", "meeting__pk", "number"]
    return paged(request, query, found, order, "recommendation")


@router.get(
    "/recommendations/{slug:slug}/{number}",
    response={200: schemas.RecommendationOut, **ERRORS},
    url_name="recommendation",
)
def recommendation_detail(
    request, slug: Path[str], number: Path[int], query: Query[schemas.LanguageQuery]
):
    """A recommendation of the meeting, once the meeting's report is public."""
    found = get_object_or_404(readable_recommendations(), meeting__slug=slug, number=number)
    return represent(request, query).recommendation(found)
