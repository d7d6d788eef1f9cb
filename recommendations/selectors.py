"""Reads of recommendations for the pages and the export, each in a fixed number of queries."""

from django.db.models import F, Prefetch
from django.utils import timezone

from meetings.models import Meeting
from meetings.rules import is_secretariat

from .models import FollowUp, Recommendation, Report, TransmittalNote

# Since when the recommendation's meeting's report is public (None: a draft the secretariat
# sees, or a report issued whose versions are still being stored).
PUBLISHED = F("meeting__report__document__released_at")


def visible_to(user):
    """The recommendations ``user`` may read: the secretariat all, everyone else those of
    meetings whose report is public (the rule of rules.py, said as a query)."""
    recommendations = Recommendation.objects.all()
    if is_secretariat.test(user):
        return recommendations
    return recommendations.filter(meeting__report__document__released_at__isnull=False)


def _with_follow_up(recommendations, user):
    follow_ups = FollowUp.objects.select_related(
        "paragraph__decision__session", "paragraph__parent", "recorded_by"
    ).order_by("-recorded_at", "-pk")
    notes = TransmittalNote.objects.select_related("document", "session", "agenda_item")
    if not is_secretariat.test(user):  # a note not public yet transmits nothing the public sees
        notes = notes.filter(document__released_at__isnull=False)
    recommendations = recommendations.annotate(published_at=PUBLISHED)
    return recommendations.select_related("meeting", "agenda_item").prefetch_related(
        Prefetch("follow_ups", queryset=follow_ups, to_attr="follow_up_records"),
        Prefetch("meeting__transmitted_by", queryset=notes, to_attr="notes"),
    )


def latest(recommendation):
    """The follow-up that holds (the latest recorded), or None while nothing is recorded."""
    records = recommendation.follow_up_records
    return records[0] if records else None


def by_meeting(body, user):
    """[(meeting, [recommendation])] of the body's meetings that have recommendations the
    user may read, oldest meeting first, each with ``published_at``. One query."""
    recommendations = (
        visible_to(user)
        .filter(meeting__body=body)
        .select_related("meeting", "agenda_item")
        .annotate(published_at=PUBLISHED)
    )
    grouped = {}
    for recommendation in recommendations.order_by("meeting__start_date", "number"):
        grouped.setdefault(recommendation.meeting, []).append(recommendation)
    return list(grouped.items())


def follow_up_table(body, user, *, meeting=None, addressee="", outcome=""):
    """The body's recommendations the user may read, each with its meeting, the note that
    transmitted it and its follow-up (``follow_up`` set, None for pending), filtered. Outcome
    is read from the latest record, so the filter works on the loaded rows. Three queries."""
    recommendations = visible_to(user).filter(meeting__body=body)
    if meeting is not None:
        recommendations = recommendations.filter(meeting=meeting)
    if addressee:
        recommendations = recommendations.filter(addressee=addressee)
    rows = []
    for recommendation in _with_follow_up(recommendations, user).order_by(
        "meeting__start_date", "number"
    ):
        recommendation.follow_up = latest(recommendation)
        if recommendation.follow_up:
            recorded = recommendation.follow_up.recorded_at
            recommendation.follow_up.recorded_on = timezone.localdate(recorded)
        current = recommendation.follow_up.outcome if recommendation.follow_up else "pending"
        if not outcome or outcome == current:
            recommendation.outcome = current
            recommendation.outcome_label = FollowUp.Outcome(current).label
            rows.append(recommendation)
    return rows


def meetings_with_recommendations(body, user):
    """The meetings a filter may choose: those with recommendations the user may read."""
    ids = visible_to(user).filter(meeting__body=body).values("meeting")
    return Meeting.objects.filter(pk__in=ids).order_by("start_date")


def readable_with_follow_up(user):
    """The recommendations ``user`` may read across bodies, each with its follow-up records
    (latest first) and its meeting's notes: for the public API's lists. Three queries."""
    return _with_follow_up(visible_to(user), user)


# The report's and the note's documents: one query per relation, whatever their size. --------


def _recommendations():
    return Prefetch(
        "recommendations", queryset=Recommendation.objects.select_related("agenda_item")
    )


def report_record(symbol):
    """The report with its document, by the document's symbol: what the PDF's address needs
    to decide between the issued version and a draft's rendering."""
    return Report.objects.select_related("document").get(document__symbol=symbol)


def note_record(symbol):
    """The note with its document, by the document's symbol (as ``report_record``)."""
    return TransmittalNote.objects.select_related("document").get(document__symbol=symbol)


def report(symbol):
    """The report for its PDF, by its document's symbol."""
    queryset = Report.objects.select_related(
        "document",
        "meeting__body__parent",
        "meeting__body__established_by__decision__session",
        "meeting__body__established_by__parent",
    ).prefetch_related(
        Prefetch(
            "meeting__recommendations",
            queryset=Recommendation.objects.select_related("agenda_item"),
        ),
        "meeting__mandated_by__decision__session",
        "meeting__mandated_by__parent",
    )
    return queryset.get(document__symbol=symbol)


def note(symbol):
    """The note for its PDF, by its document's symbol."""
    meetings = Meeting.objects.select_related("report__document").prefetch_related(
        _recommendations()
    )
    queryset = TransmittalNote.objects.select_related(
        "document", "session__body", "agenda_item__agenda__document"
    ).prefetch_related(
        Prefetch("meetings", queryset=meetings),
        "body__meetings",
        "agenda_item__agenda__items",
    )
    return queryset.get(document__symbol=symbol)
