/**
 * "Download data": every layer of the story as it is published in data/, in one GeoJSON
 * FeatureCollection. Each feature gains a `layer` property naming its layer; the collection carries
 * (as GeoJSON foreign members, RFC 7946 §6.1) the story's title and source, a short read-me and the
 * terms of use, in both languages, so the file explains itself when it travels without the map.
 */
import type { StoryConfig } from '../../data/schema';
import type { Lang } from '../../i18n/strings';

type Text = Record<Lang, string>;

export const DATA_README: Text = {
  en:
    'The layers of an interactive map of the 2019 battle for Tripoli, written for the map from one article and checked against it. ' +
    'Every feature has a title and summary in Arabic and English in our own words; "layer" names its layer; "sources.article" lists the ' +
    'paragraphs of the article it comes from (the title is paragraph 1); "sources.generalKnowledge" marks anything that does not come ' +
    'from the article, explained in "sources.note"; "confidence" says how sure we are, and "notes" records contradictions. ' +
    'Front lines and areas of control are schematic estimates, not surveyed lines. Dates are YYYY, YYYY-MM or YYYY-MM-DD with a "datePrecision". ' +
    'Coordinates are [longitude, latitude] (WGS 84). The format is described in docs/data-format.md of the map\'s source code.',
  ar:
    'طبقات خريطة تفاعلية لمعركة طرابلس عام 2019، كُتبت للخريطة انطلاقًا من مقال واحد وروجعت عليه. ' +
    'لكل عنصر عنوان وملخص بالعربية والإنجليزية بكلماتنا؛ وتسمّي خاصية «layer» طبقته؛ وتذكر «sources.article» فقرات المقال التي يستند إليها ' +
    '(العنوان هو الفقرة 1)؛ وتميّز «sources.generalKnowledge» ما ليس من المقال، ويشرحه «sources.note»؛ وتبيّن «confidence» درجة اليقين، ' +
    'وتسجّل «notes» التناقضات. خطوط الجبهة ومناطق السيطرة تقديرات تقريبية لا خطوط مسح ميداني. التواريخ بصيغة YYYY أو YYYY-MM أو YYYY-MM-DD ' +
    'مع «datePrecision». الإحداثيات [خط الطول، خط العرض] (WGS 84). الصيغة موصوفة في docs/data-format.md من الشيفرة المصدرية للخريطة.',
};

/** Only what the project has settled (README, "Licence and credits"); a licence for the data itself is the publisher's call. */
export const DATA_TERMS: Text = {
  en:
    'Reporting: Mada Masr; cite the original article (see "source") when you use these facts. The titles and summaries are our own ' +
    'summaries of that reporting, with paragraph references, not the article\'s text. The map\'s code is under the MIT licence; see the ' +
    'map\'s README ("Licence and credits") for the terms of the story text. The basemap is not included.',
  ar:
    'التغطية الصحفية: مدى مصر؛ اذكر المقال الأصلي (انظر «source») عند استخدام هذه المعلومات. العناوين والملخصات تلخيص بكلماتنا لتلك ' +
    'التغطية مع الإحالة إلى الفقرات، وليست نص المقال. شيفرة الخريطة مرخصة بموجب MIT؛ انظر ملف README للخريطة («Licence and credits») ' +
    'لمعرفة شروط نصوص القصة. الخريطة الأساسية غير مشمولة.',
};

export interface DataBundle {
  type: 'FeatureCollection';
  name: string;
  title: StoryConfig['title'];
  source: StoryConfig['source'];
  readme: Text;
  terms: Text;
  range: StoryConfig['range'];
  layers: { id: string; file: string; features: number }[];
  actors: StoryConfig['actors'];
  weapons: StoryConfig['weapons'];
  features: unknown[];
}

/** Fetches every layer file named in config.json and joins them. A layer that fails is left out and named. */
export async function buildDataBundle(config: StoryConfig, baseUrl: string, fetcher: typeof fetch = fetch): Promise<{ bundle: DataBundle; missing: string[] }> {
  const missing: string[] = [];
  const results = await Promise.all(
    config.layers.map(async (layer) => {
      try {
        const response = await fetcher(new URL(layer.file, baseUrl).href, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(String(response.status));
        const raw = (await response.json()) as { features?: unknown };
        if (!Array.isArray(raw.features)) throw new Error('not a FeatureCollection');
        return { layer, features: raw.features as Record<string, unknown>[] };
      } catch {
        missing.push(layer.file);
        return { layer, features: [] };
      }
    }),
  );
  const features = results.flatMap(({ layer, features: list }) =>
    list.map((f) => ({ ...f, properties: { layer: layer.id, ...((f.properties as object | null) ?? {}) } })),
  );
  return {
    missing,
    bundle: {
      type: 'FeatureCollection',
      name: 'tripoli-map-data',
      title: config.title,
      source: config.source,
      readme: DATA_README,
      terms: DATA_TERMS,
      range: config.range,
      layers: results.map(({ layer, features: list }) => ({ id: layer.id, file: layer.file, features: list.length })),
      actors: config.actors,
      weapons: config.weapons,
      features,
    },
  };
}
