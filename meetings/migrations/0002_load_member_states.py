# The States are reference data: every portal has them from its first migration on, with or
# without the demo. `manage.py load_member_states` reloads them after the fixture changes.

from django.db import migrations


def load(apps, schema_editor):
    from meetings.member_states import load_member_states

    load_member_states(model=apps.get_model("meetings", "MemberState"))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
