"""``python -m konnect_pos.cli``."""

import sys

from konnect_pos.cli import entry

sys.exit(entry())
