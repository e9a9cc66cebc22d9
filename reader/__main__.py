"""`python -m reader` and the frozen executable's entry point."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
