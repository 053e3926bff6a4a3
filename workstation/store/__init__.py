"""Persistence: the SQLCipher engine, models, key slots and the event log."""
