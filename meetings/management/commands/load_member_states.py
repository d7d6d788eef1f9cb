from django.core.management.base import BaseCommand

from meetings.member_states import load_member_states


class Command(BaseCommand):
    help = "Create or update the 195 States from meetings/fixtures/member_states.csv."

    def handle(self, **options):
        count = load_member_states()
        self.stdout.write(f"{count} States are up to date.")
