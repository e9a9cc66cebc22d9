"""`python -m reader` and the frozen executable's entry point."""

import sys

from reader.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # A search-index worker process starts as this executable: freeze_support() runs
        # its work and exits before the reader starts (a no-op when not frozen).
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
