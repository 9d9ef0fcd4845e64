#!/usr/bin/env python3
"""Fetches third-party MicroPython drivers from PyPI at test time (they are not committed).

Pinned releases, checked by their sha256 (both MIT-licensed, per their PKG-INFO):
  micropython-ssd1306 0.3  -> ssd1306.py (SSD1306 OLED, I2C and SPI; needs framebuf)
  micropython-bme280 2.1.3 -> bme280.py (BME280 with integer compensation)
These sdists carry no setup.py (they were made for upip), so pip cannot `download` them: the
file is taken from PyPI's simple index, as pip would, and only the module is extracted.
Usage: fetch_drivers.py DEST_DIR   (files already there are reused)
"""
import hashlib, io, os, re, sys, tarfile, urllib.parse, urllib.request

DRIVERS = [
    ("micropython-ssd1306", "micropython-ssd1306-0.3.tar.gz",
     "d00cae1ff680e6ae504e258e700f002874b0d924b1a604253b6ea63144b58289", "ssd1306.py"),
    ("micropython-bme280", "micropython-bme280-2.1.3.tar.gz",
     "4f22607bba5c3f6a6f75c06b7b10558168e0d191482a32164bbc4016d64f9cf9", "bme280.py"),
]
INDEX = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")


def fetch(project, filename, sha256, module, dest):
    target = os.path.join(dest, module)
    if os.path.exists(target):
        return target
    page = urllib.request.urlopen("%s/%s/" % (INDEX, project), timeout=60).read().decode()
    for href, name in re.findall(r'href="([^"]+)"[^>]*>([^<]+)<', page):
        if name == filename:
            url = urllib.parse.urljoin("%s/%s/" % (INDEX, project), href.split("#")[0])
            break
    else:
        raise SystemExit("fetch_drivers: %s not on the index" % filename)
    data = urllib.request.urlopen(url, timeout=60).read()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SystemExit("fetch_drivers: %s: sha256 mismatch" % filename)
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        member = next(m for m in t.getmembers() if os.path.basename(m.name) == module)
        body = t.extractfile(member).read()
    with open(target, "wb") as f:
        f.write(body)
    return target


def main():
    dest = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(dest, exist_ok=True)
    for d in DRIVERS:
        print(fetch(*d, dest))


if __name__ == "__main__":
    main()
