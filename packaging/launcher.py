"""The built app's entry script: the same ``konnect_pos.cli:entry`` the installed command runs.

GUI by default, a CLI command when one is named (``konnect-pos demo --no-gui``, ``konnect-pos sell …``).
"""

import multiprocessing
import sys

from konnect_pos.cli import entry

if __name__ == "__main__":
    # The daily run's second process (konnect_pos/services/plans/deciding.py) is this executable
    # started again: freeze_support runs the job it was started for instead of the app.
    multiprocessing.freeze_support()
    sys.exit(entry())
