"""``python -m diplograph``: the command line (``cli/``)."""

from .cli import main

main()
