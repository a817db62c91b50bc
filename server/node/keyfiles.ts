/**
 * Master keys on disk and in settings for the Node runtime: the development key file, the files
 * `keys rotate` keeps old development keys in, and INTAKE_PREVIOUS_MASTER_KEYS.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { createKeyring, masterKeyFromBase64, newMasterKeyBytes, type Keyring, type MasterKey } from '../identity/keys.js';
import { toBase64 } from '../lib/encoding.js';
import { nodeMasterKeyFromBase64 } from './crypto.js';
import { FILE_MODE, makePrivateDir } from './data-dir.js';
import { parsePreviousMasterKeys } from '../identity/rotation.service.js';

const OLD_PREFIX = 'master.key.old-';

export function devKeyFile(config: Config): string {
  return join(resolve(config.INTAKE_DATA_DIR), 'master.key');
}

/**
 * Keys kept after a rotation: from INTAKE_PREVIOUS_MASTER_KEYS and <data dir>/master.key.old-*.
 * They open boxes not yet re-wrapped and, above all, match receipts hashed under them, which
 * can never be re-hashed (the receipt itself is not stored).
 */
export async function loadPreviousKeys(config: Config, current: MasterKey): Promise<MasterKey[]> {
  const texts = [config.INTAKE_PREVIOUS_MASTER_KEYS ?? ''];
  const dir = resolve(config.INTAKE_DATA_DIR);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).filter((n) => n.startsWith(OLD_PREFIX)).sort()) texts.push(readFileSync(join(dir, name), 'utf8'));
  }
  return parsePreviousMasterKeys(texts, current);
}

/**
 * Development rotation on disk: the old key goes to master.key.old-<id> first, then the new one
 * replaces master.key (write and rename, so a crash leaves one whole file). At every step both keys
 * stay loadable, so a crash before or during re-wrapping loses nothing.
 */
export async function storeRotatedDevKey(config: Config, oldKey: MasterKey, newKeyBase64: string): Promise<{ keyFile: string; oldFile: string }> {
  const keyFile = devKeyFile(config);
  const oldText = readFileSync(keyFile, 'utf8');
  if ((await masterKeyFromBase64(oldText)).id !== oldKey.id) throw new Error(`${keyFile} does not hold the key in use (${oldKey.id}); nothing was changed.`);
  const oldFile = join(resolve(config.INTAKE_DATA_DIR), `${OLD_PREFIX}${oldKey.id}`);
  if (!existsSync(oldFile)) writeFileSync(oldFile, oldText, { mode: FILE_MODE });
  writeFileSync(`${keyFile}.new`, newKeyBase64 + '\n', { mode: FILE_MODE });
  renameSync(`${keyFile}.new`, keyFile);
  return { keyFile, oldFile };
}

/** The master key from INTAKE_MASTER_KEY, or in development a key file generated under the data dir. */
export async function loadMasterKey(config: Config, notes: string[]): Promise<MasterKey> {
  if (config.INTAKE_MASTER_KEY) return nodeMasterKeyFromBase64(config.INTAKE_MASTER_KEY);
  const file = devKeyFile(config);
  if (!existsSync(file)) {
    makePrivateDir(resolve(config.INTAKE_DATA_DIR));
    writeFileSync(file, toBase64(newMasterKeyBytes()) + '\n', { mode: FILE_MODE });
    notes.push(`WARNING: generated a development master key in ${file}; set INTAKE_MASTER_KEY in production.`);
  } else {
    notes.push(`Using the development master key in ${file} (set INTAKE_MASTER_KEY in production).`);
  }
  return nodeMasterKeyFromBase64(readFileSync(file, 'utf8'));
}

/**
 * The master key (`masterKey`, or as loadMasterKey finds it) and the keys kept from before a
 * rotation: the keyring the server, and its submission thread, start with.
 */
export async function loadKeyring(config: Config, notes: string[] = [], masterKey?: MasterKey): Promise<Keyring> {
  const current = masterKey ?? (await loadMasterKey(config, notes));
  return createKeyring([current, ...(await loadPreviousKeys(config, current))]);
}
