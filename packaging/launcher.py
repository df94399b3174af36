"""The built app's entry script: the same ``konnect_pos.cli:entry`` the installed command runs.

GUI by default, a CLI command when one is named (``konnect-pos demo --no-gui``, ``konnect-pos sell …``).
"""

import sys

from konnect_pos.cli import entry

if __name__ == "__main__":
    sys.exit(entry())
