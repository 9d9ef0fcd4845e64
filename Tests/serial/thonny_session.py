"""Thonny's real MicroPython back end (thonny/plugins/micropython/bare_metal_backend.py), started
headless as Thonny's front end starts it, talking to a board on a serial device. Messages in both
directions are Thonny's own: "\\x02N " + ascii(repr) lines, parsed with thonny.common."""
import ast, itertools, os, queue, subprocess, sys, threading, time


def thonny_backend_path():
    """The back end's script, or None when the thonny package is not installed."""
    try:
        import importlib.util
        spec = importlib.util.find_spec("thonny")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(list(spec.submodule_search_locations)[0], "plugins", "micropython", "bare_metal_backend.py")
    return path if os.path.exists(path) else None


class ThonnySession:
    def __init__(self, device, user_dir, cwd, sync_time=True):
        from thonny import common
        self.common = common
        # the arguments Thonny's MicroPythonProxy._get_launcher_with_args passes
        args = {"clean": False, "port": device, "dtr": None, "rts": None, "submit_mode": None,
                "interrupt_on_connect": True, "write_block_size": None, "write_block_delay": None,
                "proxy_class": "MicroPythonProxy", "sync_time": sync_time, "validate_time": False,
                "local_rtc": True, "cwd": ""}
        os.makedirs(user_dir, exist_ok=True)           # its log goes there
        env = dict(os.environ, THONNY_USER_DIR=user_dir)
        self.proc = subprocess.Popen([sys.executable, thonny_backend_path(), repr(args)], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, encoding="ascii")
        self.messages = queue.Queue()
        self.ids = itertools.count(1)
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        pending = None
        for line in self.proc.stdout:
            if line.startswith(self.common.MESSAGE_MARKER):
                n = int(line[1:line.index(" ")])
                pending = [line, n - 1]
            elif pending is not None:
                pending[0] += line
                pending[1] -= 1
            else:
                self.messages.put(("text", line))        # PROCESS_ACK and other plain lines
                continue
            if pending[1] == 0:
                try:
                    self.messages.put(("msg", self.common.parse_message(pending[0])))
                except Exception as e:                   # a malformed message fails the check that waits for it
                    self.messages.put(("bad", repr(e) + " " + pending[0][:200]))
                pending = None
        self.messages.put(("eof", None))

    def wait_for(self, predicate, timeout=20):
        """Messages up to and including the first for which predicate(msg) holds (None if not seen)."""
        seen = []
        end = time.time() + timeout
        while time.time() < end:
            try:
                kind, m = self.messages.get(timeout=max(0.05, end - time.time()))
            except queue.Empty:
                break
            if kind == "eof":
                break
            if kind != "msg":
                continue
            seen.append(m)
            if predicate(m):
                return m, seen
        return None, seen

    def send(self, cmd):
        if "id" not in cmd:
            cmd["id"] = "cmd%d" % next(self.ids)
        self.proc.stdin.write(self.common.serialize_message(cmd) + "\n")
        self.proc.stdin.flush()
        return cmd["id"]

    def command(self, cmd, timeout=20):
        """Sends a command; returns (its response, every message before it)."""
        cid = self.send(cmd)
        return self.wait_for(lambda m: m.get("command_id") == cid and
                             type(m).__name__ in ("ToplevelResponse", "InlineResponse"), timeout)

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        return self.proc.stderr.read()


def output_of(messages, stream="stdout"):
    """The program output among `messages`, with the board's "\r\n" as "\n" (as Thonny's shell shows it)."""
    return "".join(m["data"] for m in messages
                   if type(m).__name__ == "BackendEvent" and m.get("event_type") == "ProgramOutput"
                   and m.get("stream_name") == stream).replace("\r\n", "\n")
