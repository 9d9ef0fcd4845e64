"""The loop of the storage test runners (run_storage_tests.py, run_lfs_tests.py): each test is a
function that raises Failure (through check) or any other exception; -k picks tests by name."""
import shutil
import time
import traceback


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def run_tests(tests, only, work, keep, label, timed=False):
    """Runs the tests whose name contains `only`, removes `work` unless `keep`; returns the exit status."""
    failed = 0
    for t in tests:
        if only and only not in t.__name__:
            continue
        start = time.time()
        try:
            t()
            print("PASS", t.__name__ + (" (%.1f s)" % (time.time() - start) if timed else ""))
        except Failure as e:
            failed += 1
            print("FAIL", t.__name__)
            print("   ", str(e).replace("\n", "\n    "))
        except Exception:
            failed += 1
            print("FAIL", t.__name__)
            traceback.print_exc()
    if keep:
        print("images kept in", work)
    else:
        shutil.rmtree(work, ignore_errors=True)
    print("%d failed" % failed if failed else "all %s tests passed" % label)
    return 1 if failed else 0
