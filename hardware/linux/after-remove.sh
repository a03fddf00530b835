#!/bin/sh
# deb removal: take away what after-install.sh put outside /opt/Olifant.
rm -f /usr/bin/olifant /etc/udev/rules.d/99-olifant-pillar.rules
udevadm control --reload-rules 2>/dev/null || true
