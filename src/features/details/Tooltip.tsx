import { useAppStore } from '../../state/store';
import { findFeature } from '../../state/selectors';
import { dateText } from './describe';
import { formatCount } from '../../i18n/plural';

export function Tooltip() {
  const hover = useAppStore((s) => s.hover);
  const layers = useAppStore((s) => s.layers);
  const lang = useAppStore((s) => s.lang);
  const feature = findFeature(layers, hover?.id ?? null);
  if (!hover || !feature) return null;
  const date = dateText(feature, lang);
  return (
    <div className="tooltip" role="tooltip" style={{ left: hover.x, top: hover.y }}>
      <strong>{feature.properties.title[lang]}</strong>
      {date && <span>{date}</span>}
      {feature.properties.kind === 'strike' && feature.properties.count && <span>{formatCount(feature.properties.count, 'strikes', lang)}</span>}
    </div>
  );
}
