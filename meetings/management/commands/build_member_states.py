from django.core.management.base import BaseCommand

from meetings.member_states import FIXTURE, rows_from_taxonomy, write_fixture


class Command(BaseCommand):
    help = "Write the States fixture from an hdx-python-country wheel (see `make member-states`)."

    def add_arguments(self, parser):
        parser.add_argument("wheel", help="path to a downloaded hdx_python_country-*.whl")

    def handle(self, wheel, **options):
        rows = rows_from_taxonomy(wheel)
        write_fixture(rows)
        self.stdout.write(f"Wrote {len(rows)} States to {FIXTURE.name}.")
