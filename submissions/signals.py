"""What follows a change to the data, whichever way it was made (the admin, a service, a
bulk delete)."""

from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CallForTopics, SuggestedArea


@receiver([post_save, post_delete], sender=SuggestedArea)
def count_area_change(sender, instance, **kwargs):
    # An update, not a save: the count is no change of the call's own to keep in its history.
    CallForTopics.objects.filter(pk=instance.call_id).update(areas_version=F("areas_version") + 1)
