"""The public, read-only JSON API (/api/v1/): what the public pages show, for other systems.

It sits above every app: it imports their selectors and rules, and no app imports it."""
