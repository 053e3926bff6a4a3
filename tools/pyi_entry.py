"""PyInstaller entry point: the ``workstation`` command (no command opens the GUI)."""
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["--import-parse-worker"]:  # import_rows.WORKER_FLAG: the parsing process of an import
        from workstation.services.import_rows import worker_main

        sys.exit(worker_main())
    from workstation.cli.main import main

    sys.exit(main())
