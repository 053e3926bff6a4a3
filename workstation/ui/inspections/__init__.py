"""Widgets of the on-site inspection view (issue 21)."""
