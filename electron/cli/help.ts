// The `olifant` command's help text: every command, what it does, and where its data lives.

import { defaultDataDir } from '../platform/paths.ts';

export const HELP = `olifant: the software of the pillar "De olifant in de kamer"

  olifant serve [--port N] [--pillar auto|simulated] [--pillar-port PATH] [--bundled-pack DIR]
      Serves the kiosk UI and its services on 127.0.0.1 and prints the URL;
      --bundled-pack uses that pack folder instead of the one that comes with the app.
  olifant results --format csv
      Prints every stored answer as CSV on stdout. The hour column is in UTC
      (2026-11-22T14:00Z is 15:00 in Amsterdam in winter).
  olifant results --format csv --excel-nl
      The same, as Dutch Excel opens it in columns (BOM, semicolons, decimal commas).
  olifant report --venue ID --format pptx|xlsx|csv|png --out PATH [--language nl|en]
      Lecture-ready files for one venue visit, from a hub's data folder or a pillar's
      (--data-dir): slides with editable charts, a spreadsheet, the answers as Dutch CSV,
      or one 1920x1080 PNG chart per question into the folder PATH.
  olifant results --format bundle --out DRIVE_OR_FILE
      Writes every answer, venue visit and pack as a signed results bundle (for a hub without
      network): into DRIVE/olifant-results/, or to a file ending in .olifant-results; prints it.
  olifant pillar-sim --port PATH [--dispense-ms N] [--stock N] [--manual-take]
      A simulated controller board on a serial port or pseudo-terminal; type help for faults.
  olifant pack install DIR [--rollback]
      Installs the pack on a stick (DIR: the drive or its olifant-pack folder) into the data
      folder, as the operator screen does; --rollback confirms a version that is not higher.
  olifant pack current
      Prints the running pack as JSON: {"id": ..., "version": ...}.
  olifant pack rollback
      Runs the previous pack again.
  olifant venue start NAME
      Ends the running venue visit and starts one at the named venue; prints its id (the
      date and the name, e.g. 2026-11-24-hva-amsterdam). A running kiosk's next answers carry it.
  olifant venue list
      The venue visits, newest first: id, name, and the hours (UTC) they started and ended.
  olifant hub [--port N] [--host ADDR (--tls-cert FILE --tls-key FILE | --behind-proxy PROXY_ADDR...)] [--public-host NAME]...
      The hub that gathers every pillar's answers (POST /v1/batches); prints its URL. It
      listens on 127.0.0.1 (port 8750) unless --host says otherwise, and then only with TLS
      or behind a reverse proxy: --behind-proxy names the proxy's address (or range, e.g.
      10.0.0.0/24; repeat it for more), the only sender whose X-Forwarded-For is believed.
      Its data folder is $OLIFANT_HUB_DIR or --data-dir DIR; it logs to hub.log there (and
      its warnings and errors to standard output). A damaged database is not opened: the
      hub says so, writes nothing into it, and exits 1.
      It answers only to localhost, this machine's name and addresses, and each --public-host
      (the name pillars and lecturers use, e.g. the proxy's); other names are refused (421).
  olifant hub add-pillar PILLAR_ID [--key KEY] [--name NAME] [--url HUB_URL] [--stick DRIVE]
      Registers a pillar; prints its token once, and the pillar's two settings as JSON on
      the last line: {"hubUrl": ..., "hubToken": ...}. --stick also writes them to the stick
      (olifant-hub/PILLAR_ID.json), for the pillar's service screen to take. --key is the
      pillar's bundle key (as \`olifant pillar id\` prints it on the pillar), or a file holding
      it: without it, the pillar's bundles are refused until set-pillar-key sets it.
  olifant hub set-pillar-key PILLAR_ID KEY
      Sets or replaces a registered pillar's bundle key (KEY: the key, or a file holding it),
      for one trusted by mistake, say; the old and the new key are logged.
  olifant hub pillars
      The registered pillars: id, name, active or revoked, since when, and the start of the
      bundle key (or that it has none).
  olifant hub packs
      The pack records pillars sent (the questions' texts), per pillar: PILLAR PACK VERSION.
  olifant hub remove-pack PILLAR_ID PACK_ID VERSION
      Removes one pack record (its answers stay; they show question ids until it comes again).
  olifant hub revoke-pillar PILLAR_ID
      Takes a pillar's token back: its pushes and its bundles are refused from then on.
  olifant hub add-lecturer NAME [--url HUB_URL]
      Prints a one-time sign-in link (valid 7 days) to the hub's presenter view, for a hub
      that listens beyond this machine. Opening it shows a button; pressing that signs in
      (the link is then used), for 30 days.
  olifant hub lecturers
      The lecturers: number, name, since when, browsers signed in, unused sign-in links.
  olifant hub end-sessions NUMBER
      Signs a lecturer out everywhere and ends their unused links (a new link signs in again).
  olifant hub import FILE... [--trust-new-pillar]
      Imports results bundles from USB sticks, each whole or not at all. A bundle of a pillar
      this hub never registered needs --trust-new-pillar (its key is then registered); a
      registered pillar's must carry its registered key. Exit 1 if any is refused.
  olifant sync now
      Sends what waits to the hub (hubUrl, hubToken in settings) at once and says what
      happened; exit 0 when nothing waits any more, 1 otherwise.
  olifant sync status
      The sync's facts as JSON: hub set, what waits, last success, last problem.
  olifant pillar id
      Prints this pillar's id, and on the next line its bundle key (for
      \`olifant hub add-pillar ID --key KEY\` on the hub).
  olifant operator pin [--clear]
      Sets the crew's PIN for the PIN pad (a 2-second hold in the screen's top-left corner;
      for pillars without a door switch): 5 to 12 digits, read from stdin (asked twice on a
      terminal). Only a salted hash is kept, in settings.json. --clear removes the PIN.
  olifant pack check DIR --key PUBLIC_KEY... [--allow-unsigned]
  olifant pack keygen --out DIR
  olifant pack sign DIR --key PRIVATE_KEY_FILE
      Check, and sign, a content pack folder (DIR is the olifant-pack folder or the drive holding it).
      check's --key is the public.txt keygen wrote, or the key itself; --allow-unsigned checks
      all but the signature.

  The data folder (database, settings.json, olifant.log) is $OLIFANT_DATA_DIR,
  or --data-dir DIR, else ${defaultDataDir()}.`;
