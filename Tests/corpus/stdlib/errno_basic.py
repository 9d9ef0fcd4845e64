# errno: MicroPython's codes (Linux numbers) and errorcode
import errno

names = ["EPERM", "ENOENT", "EIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST", "ENODEV",
         "EISDIR", "EINVAL", "ENOSPC", "EROFS", "EOPNOTSUPP", "EADDRINUSE", "ECONNABORTED",
         "ECONNRESET", "ENOBUFS", "ENOTCONN", "ETIMEDOUT", "ECONNREFUSED", "EHOSTUNREACH",
         "EALREADY", "EINPROGRESS"]
for n in names:
    v = getattr(errno, n)
    # CPython names 95 ENOTSUP (its alias); MicroPython EOPNOTSUPP
    print(n, v, errno.errorcode[v] if n != "EOPNOTSUPP" else "-")
print(type(errno.errorcode).__name__, errno.errorcode.get(-1))
try:
    open("/nonexistent/dir/file")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
