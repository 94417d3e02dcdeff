# Starts a command in an 80x24 pseudo-terminal, prints the milliseconds until its output shows the
# session prompt ("› "), then sends Ctrl-C twice and waits for it to end.
import os, pty, select, struct, sys, time, fcntl, termios

start = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
seen = b''
elapsed = None
while elapsed is None and time.monotonic() - start < 30:
    ready, _, _ = select.select([fd], [], [], 0.01)
    if ready:
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        if '› '.encode() in seen:
            elapsed = (time.monotonic() - start) * 1000
for _ in range(3):
    try:
        os.write(fd, b'\x03')
    except OSError:
        break
    time.sleep(0.3)
deadline = time.monotonic() + 10
while time.monotonic() < deadline:
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    try:
        select.select([fd], [], [], 0.05) and os.read(fd, 65536)
    except OSError:
        pass
else:
    os.kill(pid, 9)
if elapsed is None:
    sys.stderr.write(seen.decode('utf8', 'replace')[-2000:])
    sys.exit(1)
print(round(elapsed))
