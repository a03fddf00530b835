#!/bin/sh
# deb post-install: the udev rule for the pillar's controller board, and the `olifant` command.
set -e
install -m 0644 /opt/Olifant/resources/app.asar.unpacked/hardware/linux/99-olifant-pillar.rules /etc/udev/rules.d/99-olifant-pillar.rules 2>/dev/null || true
udevadm control --reload-rules 2>/dev/null || true
udevadm trigger --subsystem-match=tty 2>/dev/null || true
install -m 0755 /opt/Olifant/resources/olifant /usr/bin/olifant
