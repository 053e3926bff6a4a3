"""Reusable widgets: the settlement detail and lazily loaded table models."""
