"""``python -m gazette``: the command line."""

from gazette._cli import main

main()
