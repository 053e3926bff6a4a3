"""The command line: thin, calls services, prints JSON (shared/spec/cli.md)."""
