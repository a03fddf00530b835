// The hub's answers to a bundle uploaded on its page (POST /v1/bundles), as the page reads them.

/** 200: the bundle is imported. */
export interface Imported {
  pillarId: string;
  stored: number;
  duplicates: number;
  conflicts: unknown[];
}

/** 409: a pillar the hub never registered, with the key its bundle is signed with. */
export interface NewPillar {
  error: string;
  pillarId: string;
  publicKey: string;
  fingerprint: string;
}

/** 200 to a health file (POST /v2/health-files): its record kept, or older than the one kept. */
export interface HealthKept {
  pillarId: string;
  kept: boolean;
}

export type Answer = { status: 200; body: Imported | HealthKept } | { status: 409; body: NewPillar } | { status: number; body: { error: string } };

/** A pillar's health file, beside its bundle on the stick. */
export const isHealthFile = (file: File) => file.name.endsWith('.olifant-health');

/** Sends one picked file; with `trustKey`, that key (and no other) is trusted for a new pillar. */
export async function upload(file: File, trustKey?: string): Promise<Answer> {
  const query = new URLSearchParams({ name: file.name, ...(trustKey ? { 'trust-key': trustKey } : {}) });
  const url = isHealthFile(file) ? `/v2/health-files?${new URLSearchParams({ name: file.name })}` : `/v1/bundles?${query}`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
  return { status: response.status, body: await response.json() } as Answer;
}

/** What the page says of an imported health file. */
export const healthText = (name: string, body: HealthKept) =>
  `${name}: zuil ${body.pillarId}, ${body.kept ? 'gezondheid bewaard / health kept' : 'ouder dan wat de hub al heeft, niet gebruikt / older than the one kept, left alone'}`;

/** What the page says of an imported bundle. */
export const importedText = (name: string, body: Imported) =>
  `${name}: zuil ${body.pillarId}, ${body.stored} nieuwe antwoorden, ${body.duplicates} waren er al` + (body.conflicts.length ? `, ${body.conflicts.length} conflicten geweigerd` : '');
