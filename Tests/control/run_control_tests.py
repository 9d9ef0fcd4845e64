#!/usr/bin/env python3
"""The control channel (`microboard --control tcp:PORT`): a test rig presses USR, sets the
accelerometer, pulls the SD card, pauses and resumes the clock, and reads the board's state, while
mpremote on the board's PTY checks what the firmware sees.

Usage: run_control_tests.py [--exe PATH]. Prints one line per check and 'N passed, M failed'."""
import json, os, select, shutil, signal, socket, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXE = os.path.join(ROOT, ".build/release/microboard")
if "--exe" in sys.argv:
    EXE = os.path.abspath(sys.argv[sys.argv.index("--exe") + 1])
results = []


def check(name, cond, detail=""):
    results.append(bool(cond))
    print(("pass  " if cond else "FAIL  ") + name + ("" if cond else "  -- " + str(detail)[:400]))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


if not shutil.which("mpremote"):
    print("skip  control channel (mpremote not installed)")
    print("0 passed, 0 failed")
    sys.exit(0)

tmp = tempfile.mkdtemp(prefix="microboard-control-")
port = free_port()
board = subprocess.Popen([EXE, "--serial", "pty", "--headless", "--clock", "fast", "--control", "tcp:%d" % port,
                          "--flash", os.path.join(tmp, "flash.img"), "--sd", os.path.join(tmp, "sd.img"), "--sd-size", "1M"],
                         cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
r, _, _ = select.select([board.stdout], [], [], 30)
dev = board.stdout.readline().decode().strip() if r else ""
check("board prints its PTY", dev.startswith("/dev/pts/"), dev)

ctl = None
for _ in range(50):
    try:
        ctl = socket.create_connection(("127.0.0.1", port), timeout=5)
        break
    except OSError:
        time.sleep(0.1)
check("control channel accepts a connection", ctl is not None)
f = ctl.makefile("rw", newline="\n")


def cmd(text):
    f.write(text + "\n")
    f.flush()
    return f.readline().strip()


def board_says(code):
    p = subprocess.run(["mpremote", "connect", dev, "exec", code], capture_output=True, timeout=60)
    return p.stdout.decode().replace("\r\n", "\n").strip()


st = json.loads(cmd("state"))
deadline = time.time() + 10
while st["boots"] == 0 and time.time() < deadline:   # the board publishes its state once booted
    time.sleep(0.05)
    st = json.loads(cmd("state"))
check("state is JSON with the four LEDs", len(st["leds"]) == 4 and st["running"] and st["heap_total"] == 102400, st)
check("USR not pressed at first", board_says("import pyb; print(pyb.Switch()())") == "False")
check("press USR answers ok", cmd("press USR") == "ok")
check("the firmware sees USR held", board_says("import pyb; print(pyb.Switch()())") == "True")
check("state lists the held button", json.loads(cmd("state"))["pressed"] == ["USR"])
cmd("release USR")
check("release USR", board_says("import pyb; print(pyb.Switch()())") == "False")
check("sensor answers ok", cmd("sensor accel.x 0.5") == "ok")
got = board_says("import pyb; a = pyb.Accel(); pyb.delay(20); print(a.x())")
check("accelerometer reads the set tilt (0.5 g = raw 10 or 11)", got in ("10", "11"), got)
check("sd remove answers ok", cmd("sd remove") == "ok")
time.sleep(0.2)
check("the firmware sees no card", board_says("import pyb; print(pyb.SDCard().present())") == "False")
cmd("sd insert")
time.sleep(0.2)
check("card back in", board_says("import pyb; print(pyb.SDCard().present())") == "True")
check("pause", cmd("pause") == "ok")
time.sleep(0.2)
t1 = json.loads(cmd("state"))
time.sleep(0.3)
t2 = json.loads(cmd("state"))
check("paused: state says so and virtual time stands still", t1["paused"] and t1["time_ms"] == t2["time_ms"], (t1, t2))
cmd("resume")
time.sleep(0.3)
t3 = json.loads(cmd("state"))
check("resumed: virtual time moves on", not t3["paused"] and t3["time_ms"] > t2["time_ms"], (t2, t3))
check("unknown commands are errors", cmd("fly away").startswith("error:"))
check("bad sensor values are errors", cmd("sensor accel.x lots").startswith("error:"))
check("quit answers ok", cmd("quit") == "ok")
try:
    rc = board.wait(15)
except subprocess.TimeoutExpired:
    board.kill()
    rc = None
check("quit ends the board cleanly", rc == 0, rc)
shutil.rmtree(tmp, ignore_errors=True)
passed = sum(results)
print("%d passed, %d failed" % (passed, len(results) - passed))
sys.exit(0 if passed == len(results) else 1)
