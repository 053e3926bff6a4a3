"""PyInstaller entry point: the ``workstation`` command (no command opens the GUI)."""
import multiprocessing
import sys

from workstation.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
