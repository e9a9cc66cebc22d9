"""`python -m reader` and the frozen executable's entry point."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    # In the frozen build, a search-index worker process starts as this executable:
    # freeze_support() runs its work and exits before the reader starts.
    multiprocessing.freeze_support()
    sys.exit(main())
