"""SQLAlchemy 2 models, one module per area. Import them all so that
``Base.metadata`` knows every table (Alembic autogenerate relies on it)."""
from .base import Base
from . import identity, claims, screening, sampling, review, roster, dossier, fieldwork  # noqa: F401
from . import server  # noqa: F401  (office server: store identity and key slots)

__all__ = ["Base"]
