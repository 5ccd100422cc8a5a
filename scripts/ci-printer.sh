#!/usr/bin/env bash
# The real printer of the printing integration test: a CUPS queue "DeskPDF" whose backend (cups-pdf) writes each
# job as a PDF file. Run as root, in CI (.ci/run) or on a developer machine; idempotent and quiet. The containers
# have no systemd, so the scheduler is started here (cupsd daemonizes itself) whenever it is not running.
# Needs: cups, cups-client, printer-driver-cups-pdf (ipptool from cups-ipp-utils for the copies check).
set -euo pipefail
export LANG=C LC_ALL=C # lpstat is parsed below
export PATH="$PATH:/usr/sbin:/sbin" # cupsd, lpadmin and lpinfo live there; a non-login root shell may lack it

QUEUE=DeskPDF
CONF=/etc/cups/cups-pdf.conf
# cups-pdf's own default; Debian ships ${HOME}/PDF, which depends on the home of whoever printed. The test reads this
# line back from cups-pdf.conf (test/integration/printing.test.ts), so no other file has to carry it.
OUT='/var/spool/cups-pdf/${USER}'

fail() { echo "ci-printer: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "cần chạy với quyền root (sudo bash scripts/ci-printer.sh)"
for tool in cupsd lpadmin lpstat lpinfo cupsenable cupsaccept; do
  command -v "$tool" >/dev/null || fail "thiếu $tool: apt-get install cups cups-client printer-driver-cups-pdf"
done
[ -x /usr/lib/cups/backend/cups-pdf ] && [ -f "$CONF" ] || fail "thiếu cups-pdf: apt-get install printer-driver-cups-pdf"

# cups-pdf reads its configuration for every job: no restart needed after this edit.
if ! grep -qxF "Out $OUT" "$CONF"; then
  if grep -qE '^Out[[:space:]]' "$CONF"; then
    sed -i -E "s|^Out[[:space:]].*|Out $OUT|" "$CONF"
  else
    printf '\nOut %s\n' "$OUT" >>"$CONF"
  fi
fi

scheduler_running() { lpstat -r 2>/dev/null | grep -qx 'scheduler is running'; }
if ! scheduler_running; then
  cupsd # forks into the background once its sockets are ready
  for _ in $(seq 50); do scheduler_running && break; sleep 0.2; done
  scheduler_running || fail "cupsd không khởi động được (xem /var/log/cups/error_log)"
fi

if ! lpstat -v "$QUEUE" >/dev/null 2>&1; then
  ppd=$(lpinfo -m 2>/dev/null | awk '$1 ~ /cups-pdf\/CUPS-PDF_opt\.ppd$/ { print $1; exit }')
  [ -n "$ppd" ] || ppd=$(lpinfo -m 2>/dev/null | awk 'tolower($1) ~ /cups-pdf.*\.ppd$/ { print $1; exit }')
  [ -n "$ppd" ] || fail "không tìm thấy PPD của cups-pdf (lpinfo -m)"
  # lpadmin warns that PPD drivers are deprecated: expected with CUPS 2.4, not worth a line in the CI log.
  lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$ppd" 2>/dev/null
fi
# The default PDF-to-PostScript step (Ghostscript) turns the slip's text into Type 3 glyphs without Unicode, so the
# printed file would hold no searchable text; pdftocairo keeps TrueType fonts with their ToUnicode maps.
lpadmin -p "$QUEUE" -o pdftops-renderer-default=pdftocairo 2>/dev/null
# A queue left paused or rejecting by an earlier failed run would make the test fail for the wrong reason.
cupsenable "$QUEUE"
cupsaccept "$QUEUE"

echo "Máy in $QUEUE (CUPS PDF) sẵn sàng; tệp in ra ở ${OUT//'${USER}'/$(id -un)}"
