from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Give a staff account a TOTP device for its second factor and print the otpauth:// "
        "address to enter into an authenticator app (or to turn into a QR code). With "
        "--replace, the account's devices are removed first (a lost phone)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="authenticator", help="the device's name")
        parser.add_argument("--replace", action="store_true", help="remove its devices first")

    def handle(self, username, name, replace, **options):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None or not user.is_staff:
            raise CommandError(f"No staff account named {username!r}.")
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=None)
        if replace:
            devices.delete()
        elif devices.exists():
            raise CommandError(f"{username} has a TOTP device already; use --replace.")
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(device.config_url)
