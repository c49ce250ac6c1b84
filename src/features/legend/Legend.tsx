import { useAppStore } from '../../state/store';
import { LAYER_IDS, EVENT_CATEGORIES, type LayerId } from '../../data/ids';
import { enumLabels, strings } from '../../i18n/strings';
import { SHAPES, FILL_RULE, type ShapeId } from '../map/icons';
import { SIDE_COLORS } from '../map/colors';

function Shape({ shape, color, label }: { shape: ShapeId; color: string; label?: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" className="legend-symbol" aria-hidden={label ? undefined : true} role={label ? 'img' : undefined} aria-label={label}>
      <path d={SHAPES[shape]} fill={color} fillRule={FILL_RULE} stroke="#fff" strokeWidth="0.8" />
    </svg>
  );
}

const sideSwatch = (side: 'gna' | 'lna', dashed = false) => (
  <span className={`legend-swatch${dashed ? ' dashed' : ''}`} style={{ background: `${SIDE_COLORS[side]}44`, borderColor: SIDE_COLORS[side] }} aria-hidden="true" />
);

/** The map's key, and the switches for its layers. */
export function Legend() {
  const lang = useAppStore((s) => s.lang);
  const visible = useAppStore((s) => s.visible);
  const loads = useAppStore((s) => s.layers);
  const toggle = useAppStore((s) => s.toggleLayer);
  const t = strings[lang];
  const labels = enumLabels[lang];

  const keyFor: Record<LayerId, React.ReactNode> = {
    'control-areas': (
      <ul className="legend-key">
        <li>{sideSwatch('gna', true)} {labels['side.gna']}</li>
        <li>{sideSwatch('lna', true)} {labels['side.lna']}</li>
      </ul>
    ),
    'front-lines': (
      <ul className="legend-key">
        <li>
          <span className="legend-line" aria-hidden="true" /> {t.schematic}
        </li>
      </ul>
    ),
    'air-bases': (
      <ul className="legend-key">
        <li><Shape shape="air-base" color={SIDE_COLORS.gna} /> {labels['side.gna']}</li>
        <li><Shape shape="air-base" color={SIDE_COLORS.lna} /> {labels['side.lna']}</li>
        <li><span className="legend-ring" aria-hidden="true" /> {t.underAttack}</li>
      </ul>
    ),
    strikes: (
      <ul className="legend-key">
        <li><span className="legend-dot" style={{ background: SIDE_COLORS.lna }} aria-hidden="true" /> {labels['side.lna']}</li>
        <li><span className="legend-dot" style={{ background: SIDE_COLORS.gna }} aria-hidden="true" /> {labels['side.gna']}</li>
        <li><span className="legend-dot trace" aria-hidden="true" /> {t.pastFaded}</li>
      </ul>
    ),
    events: (
      <ul className="legend-key">
        {EVENT_CATEGORIES.map((c) => (
          <li key={c}><Shape shape={c} color="#444" /> {labels[`category.${c}`]}</li>
        ))}
      </ul>
    ),
    places: null,
  };

  return (
    <div className="legend" data-testid="legend">
      <h2 className="legend-title">{t.legend}</h2>
      <fieldset>
        <legend className="visually-hidden">{t.layers}</legend>
        {LAYER_IDS.slice().reverse().map((id) => (
          <div key={id} className="legend-layer">
            <label>
              <input type="checkbox" checked={visible[id]} onChange={() => toggle(id)} />
              <span>{labels[`layer.${id}`]}</span>
              {loads[id]?.status === 'loading' && (
                <span className="legend-loading" data-testid={`loading-${id}`}>
                  <span className="spinner" aria-hidden="true" /> {t.layerLoading}
                </span>
              )}
            </label>
            {visible[id] && keyFor[id]}
          </div>
        ))}
      </fieldset>
      <p className="legend-note">{t.legendNote}</p>
    </div>
  );
}
