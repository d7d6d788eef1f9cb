from django import template

from decisions.citations import paragraph_label

register = template.Library()
register.filter("paragraph_label", paragraph_label)
