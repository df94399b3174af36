"""Coverage inside Qt's pool threads (the database worker, PDF and receipt printing).

coverage.py follows ``threading`` threads (``concurrency = ["thread"]``) but not threads Qt
starts itself: a ``QThreadPool`` job would count as never run. Under coverage only, the app's
pools are swapped for one that installs coverage's hook in the job's thread before running it.
Outside a coverage run nothing is changed.
"""

from __future__ import annotations

import sys
import threading


def trace_qt_pools() -> None:
    try:
        import coverage
    except ImportError:
        return
    if coverage.Coverage.current() is None:
        return
    from PySide6.QtCore import QRunnable, QThreadPool

    class TracedPool(QThreadPool):
        def start(self, job, *args) -> None:
            hook = threading.gettrace()
            if hook is None or isinstance(job, QRunnable):
                super().start(job, *args)
                return

            def traced() -> None:
                sys.settrace(hook)
                try:
                    job()
                finally:
                    sys.settrace(None)

            super().start(traced, *args)

    from konnect_pos.ui import pdf_printing, worker
    from konnect_pos.ui.counter import receipt_printing

    for module in (worker, pdf_printing, receipt_printing):
        module.QThreadPool = TracedPool
