"""``python -m konnect_pos.cli``."""

import sys

from konnect_pos.cli import main

sys.exit(main())
