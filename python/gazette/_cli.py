"""The ``gazette`` command, run in this process by the native module."""

import signal
import sys

from gazette import _native


def main() -> None:
    """Runs ``gazette`` with this process's arguments and exits with its code."""
    # The interpreter turns Ctrl-C into KeyboardInterrupt, which it checks
    # only between Python instructions: give the signal back its default
    # action, so that it stops a long run as it stops the binary.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.stdout.flush()
    sys.exit(_native.main(["gazette", *sys.argv[1:]]))
