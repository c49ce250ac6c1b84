import type { Actor } from '../../data/schema';

export type RGBA = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): RGBA {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** Okabe–Ito colours: told apart under the common colour-vision deficiencies. */
export const SIDE_COLORS: Record<Actor['side'], string> = {
  gna: '#0072b2',
  lna: '#d55e00',
  foreign: '#6b6b6b',
  contested: '#7a5195',
  none: '#8a8a8a',
};

/** Each actor's colour as config.json gives it; an actor it does not list is drawn in the colour of no side. */
export function actorColors(actors: readonly Pick<Actor, 'id' | 'color'>[]): (id: string) => string {
  const byId = new Map(actors.map((a) => [a.id, a.color]));
  return (id) => byId.get(id) ?? SIDE_COLORS.none;
}

/** Opacity (of 255) of an air base the article does not name, drawn as a candidate only. */
export const CANDIDATE_ALPHA = 150;

export const FRONT_LINE_COLOR: RGBA = [30, 30, 30, 255];
export const HALO_COLOR: RGBA = [255, 255, 255, 230];
export const SELECTION_COLOR: RGBA = [0, 0, 0, 255];
export const PLACE_COLOR: RGBA = [51, 51, 51, 255];
/** The ring round an air base under attack, on the map, in the legends and on the simple map. */
export const UNDER_ATTACK_HEX = '#c80028';
export const UNDER_ATTACK_COLOR: RGBA = hexToRgba(UNDER_ATTACK_HEX);
/** The legends' sample of a past strike's faded trace (the map fades each attacker's own colour). */
export const PAST_TRACE_HEX = '#b07a50';
