import type { PolicyPack } from '../pack.js';
import { alxa2025 } from './alxa-2025.js';
import { hohhot2022 } from './hohhot-2022.js';
import { nm2017 } from './nm-2017.js';
import { nm2018 } from './nm-2018.js';
import { xilingol2024 } from './xilingol-2024.js';

/** Every pack, in the order of the notices' dates. Add a notice here and in its own file. */
export const PACKS: readonly PolicyPack[] = [nm2017, nm2018, hohhot2022, xilingol2024, alxa2025];

export function getPack(id: string): PolicyPack | undefined {
  return PACKS.find((p) => p.id === id.trim());
}

export function listPacks(): { id: string; title: string; ceYear: number }[] {
  return PACKS.map((p) => ({ id: p.id, title: p.title, ceYear: p.ceYear }));
}

export { nm2017, nm2018, hohhot2022, xilingol2024, alxa2025 };
