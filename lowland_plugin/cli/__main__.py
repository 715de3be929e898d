"""``python -m lowland_plugin.cli``: see :mod:`lowland_plugin.cli.commands`."""

from __future__ import annotations

import sys

from .commands import main

if __name__ == "__main__":
    sys.exit(main())
