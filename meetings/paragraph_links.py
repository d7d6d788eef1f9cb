"""The bodies and meetings a decision's paragraph gives rise to, for the decision page."""

from django.utils.translation import gettext as _

from .models import Body, Meeting


def attach(by_id):
    """Three queries whatever the number of paragraphs."""
    for body in Body.objects.filter(established_by__in=by_id):
        by_id[body.established_by_id].links.append(
            (_("Established:"), body.short_name, body.get_absolute_url())
        )
    functions = Body.functions.through.objects.filter(paragraph_id__in=by_id)
    for row in functions.select_related("body"):
        by_id[row.paragraph_id].links.append(
            (_("Function of:"), row.body.short_name, row.body.get_absolute_url())
        )
    mandates = Meeting.mandated_by.through.objects.filter(paragraph_id__in=by_id)
    for row in mandates.select_related("meeting").order_by("meeting__start_date"):
        by_id[row.paragraph_id].links.append(
            (_("Mandates:"), row.meeting.title, row.meeting.get_absolute_url())
        )
