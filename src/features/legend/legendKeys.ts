/**
 * What the legend says for each layer, worked out from the story that is loaded rather than written
 * for the article: a key for every colour and shape the map can draw from this data, and none for
 * what it cannot. A story imported from ACLED, whose actors are grey and which has no areas of
 * control, gets a legend that matches its own map. Read by the legend panel (and so the printed
 * handout) and by the saved image, so the three always agree.
 */
import type { Actor, AirBaseFeature, ControlAreaFeature, EventFeature, LayerId, StoryConfig, StrikeFeature } from '../../data/schema';
import { EVENT_CATEGORIES } from '../../data/ids';
import { readyFeatures, type Layers } from '../../state/selectors';
import { enumLabels, strings, type Lang } from '../../i18n/strings';
import { actorColors, CANDIDATE_ALPHA, PAST_TRACE_HEX, SIDE_COLORS, UNDER_ATTACK_HEX } from '../map/colors';
import type { ShapeId } from '../map/icons';

export type KeySymbol =
  | { kind: 'area'; color: string }
  | { kind: 'shape'; shape: ShapeId; color: string }
  | { kind: 'dot'; color: string }
  | { kind: 'faded-dot'; color: string }
  | { kind: 'front-line' }
  | { kind: 'attack-ring'; color: string };

/** One line of a layer's key; a line without a symbol introduces the lines after it. */
export interface KeyRow {
  symbol?: KeySymbol;
  label: string;
}

/** The grey every event symbol is shown in where the key is about its shape, not its colour. */
export const NEUTRAL_SHAPE_COLOR = '#444444';

const SIDE_ORDER: Actor['side'][] = ['gna', 'lna', 'foreign', 'contested', 'none'];

export function legendKeys(config: Pick<StoryConfig, 'actors'> | null, layers: Layers, lang: Lang): Record<LayerId, KeyRow[]> {
  const t = strings[lang];
  const labels = enumLabels[lang];
  const actors = config?.actors ?? [];
  const sideRows = (sides: Set<Actor['side']>, symbol: (side: Actor['side']) => KeySymbol): KeyRow[] =>
    SIDE_ORDER.filter((side) => sides.has(side)).map((side) => ({ symbol: symbol(side), label: labels[`side.${side}`] }));
  // The map colours strikes and events by actor (actorColors): one key per actor the data names,
  // and one for those config.json does not list, which share the colour of no side.
  const colorOf = actorColors(actors);
  const actorRows = (ids: Set<string>): KeyRow[] => {
    const rows: KeyRow[] = actors.filter((a) => ids.has(a.id)).map((a) => ({ symbol: { kind: 'dot', color: colorOf(a.id) }, label: a.name[lang] }));
    const known = new Set(actors.map((a) => a.id));
    const unknown = [...ids].find((id) => !known.has(id));
    if (unknown !== undefined) rows.push({ symbol: { kind: 'dot', color: colorOf(unknown) }, label: labels['side.none'] });
    return rows;
  };

  const areas = readyFeatures(layers, 'control-areas') as ControlAreaFeature[];
  const bases = readyFeatures(layers, 'air-bases') as AirBaseFeature[];
  const strikes = readyFeatures(layers, 'strikes') as StrikeFeature[];
  const events = readyFeatures(layers, 'events') as EventFeature[];
  const baseIds = new Set(bases.map((b) => b.properties.id));
  const firstCandidate = bases.find((b) => b.properties.candidate);
  const onlyCandidates = (side: Actor['side']) => bases.every((b) => b.properties.side !== side || b.properties.candidate);
  const categories = new Set(events.map((e) => e.properties.category));
  const eventActors = new Set(events.map((e) => e.properties.actor));

  return {
    'control-areas': sideRows(new Set(areas.map((a) => a.properties.side)), (side) => ({ kind: 'area', color: SIDE_COLORS[side] })),
    'front-lines': readyFeatures(layers, 'front-lines').length ? [{ symbol: { kind: 'front-line' }, label: t.schematic }] : [],
    'air-bases': [
      // A side known only from candidate bases is keyed as pale as the map draws them.
      ...sideRows(new Set(bases.map((b) => b.properties.side)), (side) => ({
        kind: 'shape',
        shape: 'air-base',
        color: onlyCandidates(side) ? pale(SIDE_COLORS[side]) : SIDE_COLORS[side],
      })),
      ...(firstCandidate ? [{ symbol: { kind: 'shape', shape: 'air-base', color: pale(SIDE_COLORS[firstCandidate.properties.side]) } as const, label: t.candidateKey }] : []),
      ...(strikes.some((s) => s.properties.target && baseIds.has(s.properties.target)) ? [{ symbol: { kind: 'attack-ring', color: UNDER_ATTACK_HEX } as const, label: t.underAttack }] : []),
    ],
    strikes: strikes.length ? [...actorRows(new Set(strikes.map((s) => s.properties.attacker))), { symbol: { kind: 'faded-dot', color: PAST_TRACE_HEX }, label: t.pastFaded }] : [],
    events: [
      ...EVENT_CATEGORIES.filter((c) => categories.has(c)).map((c) => ({ symbol: { kind: 'shape', shape: c, color: NEUTRAL_SHAPE_COLOR } as const, label: labels[`category.${c}`] })),
      ...(eventActors.size ? [{ label: t.eventColours }, ...actorRows(eventActors)] : []),
    ],
    places: [],
  };
}

/** A #rrggbb colour at the opacity the map gives candidate bases. */
function pale(color: string): string {
  return `${color}${CANDIDATE_ALPHA.toString(16).padStart(2, '0')}`;
}
