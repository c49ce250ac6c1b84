import { useMemo } from 'react';
import { useAppStore } from '../../state/store';
import { LAYER_IDS } from '../../data/ids';
import { enumLabels, strings } from '../../i18n/strings';
import { SHAPES, FILL_RULE, type ShapeId } from '../map/icons';
import { legendKeys, type KeyRow, type KeySymbol } from './legendKeys';

/**
 * Filled without the map's white halo: on the panel's white it would not show, and with it (a thin
 * stroke on every symbol) the map's first view came measurably later where the browser draws in
 * software (docs/performance.md).
 */
function Shape({ shape, color, label }: { shape: ShapeId; color: string; label?: string }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" className="legend-symbol" aria-hidden={label ? undefined : true} role={label ? 'img' : undefined} aria-label={label}>
      <path d={SHAPES[shape]} fill={color} fillRule={FILL_RULE} />
    </svg>
  );
}

/** A key's symbol, drawn like the map draws it. */
function KeySymbolView({ symbol }: { symbol: KeySymbol }) {
  switch (symbol.kind) {
    case 'area':
      return <span className="legend-swatch dashed" style={{ background: `${symbol.color}44`, borderColor: symbol.color }} aria-hidden="true" />;
    case 'shape':
      return <Shape shape={symbol.shape} color={symbol.color} />;
    case 'dot':
      return <span className="legend-dot" style={{ background: symbol.color }} aria-hidden="true" />;
    case 'faded-dot':
      return <span className="legend-dot trace" style={{ borderColor: symbol.color }} aria-hidden="true" />;
    case 'front-line':
      return <span className="legend-line" aria-hidden="true" />;
    case 'attack-ring':
      return <span className="legend-ring" style={{ borderColor: symbol.color }} aria-hidden="true" />;
  }
}

function LayerKey({ rows }: { rows: KeyRow[] }) {
  if (!rows.length) return null;
  return (
    <ul className="legend-key">
      {rows.map((row, i) => (
        <li key={i} className={row.symbol ? undefined : 'legend-subheading'}>
          {row.symbol && <KeySymbolView symbol={row.symbol} />} {row.label}
        </li>
      ))}
    </ul>
  );
}

/** The map's key, and the switches for its layers. */
export function Legend() {
  const lang = useAppStore((s) => s.lang);
  const visible = useAppStore((s) => s.visible);
  const loads = useAppStore((s) => s.layers);
  const config = useAppStore((s) => s.config);
  const toggle = useAppStore((s) => s.toggleLayer);
  const t = strings[lang];
  const labels = enumLabels[lang];
  const keys = useMemo(() => legendKeys(config, loads, lang), [config, loads, lang]);

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
            {visible[id] && <LayerKey rows={keys[id]} />}
          </div>
        ))}
      </fieldset>
      <p className="legend-note">{t.legendNote}</p>
    </div>
  );
}
