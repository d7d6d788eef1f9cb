from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Delegate


@admin.register(Delegate)
class DelegateAdmin(SimpleHistoryAdmin):
    list_display = ["user", "state", "is_active"]
    list_filter = ["is_active", "state__region"]
    search_fields = ["user__username", "user__last_name", "user__email", "state__short_name"]
    list_select_related = ["user", "state"]
    autocomplete_fields = ["state"]
