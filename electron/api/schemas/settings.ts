// settings.json as a schema: each setting, and what a valid value is in the operator's words
// (the store refuses or ignores a value that breaks it, and says so in these words). The
// pillar's id is no setting: it lives in its own file (core/settings/pillar-id.ts).

import Type, { type Static } from 'typebox';
import { isPublicKey } from '../../../content/signing.ts';

/** What a hub's address and a pillar's token look like (a hub file on a stick is checked the same way). */
export const HUB_URL = /^https?:\/\/[^\s/]+(\/[^\s]*)?$/;
export const HUB_TOKEN = /^[\w-]{10,200}$/;
/** The operator's PIN as kept: `scrypt$<salt base64>$<hash base64>`, never the digits. */
export const PIN_HASH = /^scrypt\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/;

const orNull = <T extends Parameters<typeof Type.Union>[0][number]>(type: T, description: string) => Type.Union([Type.Null(), type], { description });

export const SETTINGS = Type.Object({
  /** The current venue visit, e.g. `2026-11-hva-amsterdam`; set by the crew at each venue. */
  venueSessionId: Type.String({ pattern: '^[\\w.-]{1,80}$', description: 'a name of up to 80 letters, digits, dashes, underscores or dots' }),
  /** `auto`: the controller board, looked for until it answers (`serial` means the same); `simulated`: no board, no real cards. */
  pillar: Type.Union([Type.Literal('auto'), Type.Literal('serial'), Type.Literal('simulated')], { description: '"auto", "serial" or "simulated"' }),
  /** A fixed serial port for the board (e.g. `/dev/ttyACM0`, `COM3`); null: search. */
  pillarPort: orNull(Type.String({ minLength: 1 }), 'a serial port such as "/dev/ttyACM0", or null to search'),
  /** Quiet seconds before "still there?". */
  idleSeconds: Type.Number({ minimum: 5, maximum: 3600, description: 'a number of seconds from 5 to 3600' }),
  /** Seconds "still there?" waits before going back to the attract loop. */
  stillThereSeconds: Type.Number({ minimum: 3, maximum: 600, description: 'a number of seconds from 3 to 600' }),
  /** Base64 Ed25519 public keys whose content packs this kiosk accepts. */
  trustedKeys: Type.Array(Type.Refine(Type.String(), isPublicKey, () => 'is not a public key'), { description: 'a list of public keys made by `olifant pack keygen`' }),
  /** Accept unsigned content packs: for development only. */
  allowUnsignedPacks: Type.Boolean({ description: 'true or false' }),
  /** The operator's PIN as a salted scrypt hash (set by `olifant operator pin`); null: no PIN, only the service door opens the operator screen. */
  operatorPin: orNull(Type.String({ pattern: PIN_HASH.source }), 'null, or a PIN set with `olifant operator pin` (never the digits themselves)'),
  /** More folders where USB sticks are mounted, besides /media, /run/media and /mnt (Windows: drive letters). */
  usbRoots: Type.Array(Type.String({ minLength: 1 }), { description: 'a list of folders, such as ["/srv/usb"]' }),
  /** The hub answers are pushed to (`olifant hub add-pillar` prints it); null: none, answers leave only on a stick. */
  hubUrl: orNull(Type.String({ pattern: HUB_URL.source }), 'null, or the hub\'s address such as "https://hub.olifant-tour.nl"'),
  /** This pillar's token for the hub, from `olifant hub add-pillar`. */
  hubToken: orNull(Type.String({ pattern: HUB_TOKEN.source }), 'null, or the token `olifant hub add-pillar` printed'),
  /** The cards the crew puts in a full stack; setting it says the stacks were just filled. null: not known (no estimate of cards left). */
  stackCards: orNull(Type.Integer({ minimum: 1, maximum: 10_000 }), 'null, or the cards in a full stack, a whole number from 1 to 10000'),
  /** A content pack the hub offers (signed by a trusted key) installs itself at the next quiet moment; false: it waits for the crew. */
  autoInstallOffers: Type.Boolean({ description: 'true or false' }),
}, { additionalProperties: false });

/** What settings.json sets: everything but the pillar id. */
export type FileSettings = Static<typeof SETTINGS>;

/** A hub's address and this pillar's token, as `olifant hub add-pillar --stick` writes them (olifant-hub/<pillar id>.json). */
export const HUB_ON_STICK = Type.Object({
  hubUrl: Type.String({ pattern: HUB_URL.source }),
  hubToken: Type.String({ pattern: HUB_TOKEN.source }),
});
export type HubSettings = Static<typeof HUB_ON_STICK>;
