"""Messages a worker was sending when the two sending steps came in: whether they reached the
mail server is unknown, so they count as handed over (the scan then fails them, to be checked
and retried by hand, rather than send them twice)."""

from django.db import migrations
from django.db.models import F


def settle(apps, schema_editor):
    OutboundMessage = apps.get_model("submissions", "OutboundMessage")
    OutboundMessage.objects.filter(status="sending", claimed_at=None).update(
        claimed_at=F("created_at"), handed_at=F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [("submissions", "0007_two_step_sending")]

    operations = [migrations.RunPython(settle, migrations.RunPython.noop)]
