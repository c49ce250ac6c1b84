import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/store';
import { findFeature, basesUnderAttack, readyFeatures } from '../../state/selectors';
import { enumLabels, strings } from '../../i18n/strings';
import { formatNumber } from '../../i18n/format';
import { formatCount } from '../../i18n/plural';
import { actorName, dateText, kindLabel, paragraphsText, weaponName } from './describe';
import { hostOf, isHttpUrl } from '../../data/urls';

/** What a reader learns about one feature. Every data string is rendered as React text, never HTML. */
export function DetailsPanel() {
  const selectedId = useAppStore((s) => s.selectedId);
  const layers = useAppStore((s) => s.layers);
  const lang = useAppStore((s) => s.lang);
  const config = useAppStore((s) => s.config);
  const day = useAppStore((s) => s.day);
  const select = useAppStore((s) => s.select);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feature = findFeature(layers, selectedId);

  // Focus moves to the panel when it opens, and back to where the reader was when it closes.
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!feature) return;
    const active = document.activeElement as HTMLElement | null;
    if (active && !headingRef.current?.closest('aside')?.contains(active)) returnTo.current = active;
    headingRef.current?.focus({ preventScroll: true });
  }, [feature?.properties.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const close = () => {
    select(null);
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
  };

  if (!feature) return null;
  const t = strings[lang];
  const labels = enumLabels[lang];
  const p = feature.properties;
  const date = dateText(feature, lang);
  const rows: [string, string][] = [];
  if (date) rows.push([t.date, `${date} (${labels[`precision.${(p as { datePrecision?: string }).datePrecision ?? 'day'}`]})`]);
  if (p.place) rows.push([t.place, p.place[lang]]);
  if (p.kind === 'strike' || p.kind === 'event') {
    const numbers = [
      p.kind === 'strike' && p.count ? formatCount(p.count, 'strikes', lang) : p.count ? formatNumber(p.count, lang) : null,
      p.killed !== undefined ? formatCount(p.killed, 'killed', lang) : null,
    ].filter(Boolean);
    if (numbers.length) rows.push([t.numbers, numbers.join(lang === 'ar' ? '، ' : ', ')]);
    if (p.kind === 'strike') rows.push([t.attacker, actorName(config, p.attacker, lang)!]);
    else rows.push([t.actor, actorName(config, p.actor, lang)!]);
  }
  if (p.kind === 'air-base') {
    rows.push([t.operators, p.operators.map((o) => actorName(config, o, lang)).join(lang === 'ar' ? '، ' : ', ')]);
    if (p.aircraft.length) rows.push([t.aircraft, p.aircraft.map((w) => weaponName(config, w, lang)).join(lang === 'ar' ? '، ' : ', ')]);
  }
  if (p.kind === 'control-area') rows.push([t.side, labels[`side.${p.side}`]]);
  if (p.claimedBy) rows.push([t.claimedBy, actorName(config, p.claimedBy, lang)!]);
  rows.push([t.confidence, labels[`confidence.${p.confidence}`]]);
  const attacked = p.kind === 'air-base' && basesUnderAttack(readyFeatures(layers, 'strikes'), day).has(p.id);

  return (
    <aside
      className="details"
      aria-labelledby="details-title"
      data-testid="details"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="details-head">
        <p className="details-kind">{kindLabel(feature, lang)}</p>
        <button type="button" className="icon-button close" onClick={close} aria-label={t.close} title={t.close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h2 id="details-title" ref={headingRef} tabIndex={-1}>
        <bdi>{p.title[lang]}</bdi>
      </h2>
      {p.kind === 'front-line' && <p className="details-flag">{t.schematic}</p>}
      {p.kind === 'air-base' && p.candidate && <p className="details-flag">{t.candidate}</p>}
      {attacked && <p className="details-flag attack">{t.underAttack}</p>}
      {p.locationPrecision !== 'exact' && (
        <p className="details-flag">{p.locationPrecision === 'area' ? t.locationArea : t.locationRegion}</p>
      )}
      <dl className="details-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <section className="details-article" aria-label={t.articleSays}>
        <h3>{t.articleSays}</h3>
        <p>{p.summary[lang]}</p>
        {p.sources.article.length > 0 && (
          <p className="details-paragraphs">
            {t.paragraphs}: {paragraphsText(p.sources.article, lang)}
          </p>
        )}
        {(p.sources.links?.length ?? 0) > 0 && (
          <>
            <h3>{t.furtherReading}</h3>
            <ul className="details-links">
              {/* The schema accepts only http(s) links; checked again here, since this is an href. */}
              {p.sources.links!.filter((l) => isHttpUrl(l.url)).map((l, i) => (
                <li key={i}>
                  <a href={l.url} target="_blank" rel="noopener noreferrer" data-testid="source-link">
                    {l.label ?? hostOf(l.url)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {p.sources.generalKnowledge && (
        <section className="details-background" data-testid="general-knowledge">
          <h3>{t.notFromArticle}</h3>
          {p.sources.note && <p>{p.sources.note[lang]}</p>}
        </section>
      )}
      {p.notes && (
        <section className="details-notes" data-testid="contradiction">
          <h3>{t.contradiction}</h3>
          <p>{p.notes[lang]}</p>
        </section>
      )}
    </aside>
  );
}
