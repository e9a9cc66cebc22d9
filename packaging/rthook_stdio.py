"""PyInstaller runtime hook: give a windowed build somewhere to print.

A windowed Windows executable starts with sys.stdout and sys.stderr set to None, and
anything that prints (argparse's --version and --help, warnings, tracebacks) would raise.
Send such output to the null device instead; field-reader-cli.exe is the way to see it.
"""

import os
import sys

if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
