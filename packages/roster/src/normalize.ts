/**
 * Text normalisation shared by headers and enum-like values: NFKC (full-width
 * digits and punctuation → ASCII), Traditional → Simplified for the characters
 * that occur in roster headers and values, trimming.
 *
 * Names, units and other free text are never converted; only headers and
 * values that are compared against a fixed vocabulary.
 */

/**
 * Traditional → Simplified, limited to characters that appear in the roster
 * vocabulary (ROSTER.md headers, 申报类型/级别/学历/形式 values) and the alxa
 * notice (seeds/001). Deliberately small: a full converter is not needed.
 */
const T2S_PAIRS =
  '證证號号碼码別别單单稱称質质層层線线報报類类級级歷历學学認认崗岗後后黨党關关機机轉转職职資资試试業业專专' +
  '訓训錄录記记時时鐘钟備备網网絡络論论壇坛術术進进實实踐践講讲師师語语計计員员審审驗验評评碩硕無无發发' +
  '門门區区舊旧識识議议動动務务會会據据與与舉举處处從从為为應应該该須须參参執执總总數数齡龄歲岁補补' +
  '達达標标並并聯联屆届勞劳對对項项續续繼继續续養养醫医衛卫護护療疗農农獸兽氣气書书圖图檔档類类' +
  '團团體体長长開开來来這这個个們们產产廠厂價价隊队倫伦經经濟济財财貿贸電电腦脑訊讯廣广東东華华' +
  '國国傳传統统築筑設设計计規规劃划測测繪绘質质環环禦御災灾險险幹干協协員员獲获選选優优際际態态' +
  '義义務务類类況况腳脚邊边達达證证驗验紀纪錄录負负責责聘聘雙双離离退退休休齊齐';

const T2S: Map<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(T2S_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const t = chars[i]!;
    const s = chars[i + 1]!;
    if (t !== s) m.set(t, s);
  }
  return m;
})();

const HAS_TRADITIONAL = new RegExp(`[${[...T2S.keys()].join('')}]`, 'u');

/** Convert the Traditional characters we know to Simplified; others unchanged. */
export function t2s(text: string): string {
  if (!HAS_TRADITIONAL.test(text)) return text;
  let out = '';
  for (const ch of text) out += T2S.get(ch) ?? ch;
  return out;
}

/** NFKC + trim. Safe on any string. */
export function nfkc(text: string): string {
  return text.normalize('NFKC').trim();
}

/**
 * Values compared against a vocabulary (申报类型, 形式, 类别, 是/否 …) repeat on
 * every row, so each distinct text is normalised once; the table is capped.
 */
const normalised = new Map<string, string>();
const MAX_NORMALISED = 10_000;

/** For values compared against a vocabulary: NFKC, Traditional → Simplified, trim, drop inner spaces. */
export function normValue(text: string): string {
  let v = normalised.get(text);
  if (v === undefined) {
    v = t2s(text.normalize('NFKC')).replace(/[\s\u3000]+/g, '');
    if (normalised.size < MAX_NORMALISED) normalised.set(text, v);
  }
  return v;
}

/**
 * For headers: NFKC, Traditional → Simplified, no whitespace at all, lower-case
 * Latin, trailing required-markers (*) dropped.
 */
export function normHeader(text: string): string {
  return normValue(text)
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .toLowerCase();
}

/** Header with any bracketed note removed: 学时(小时) → 学时, 身份证号（必填） → 身份证号. */
export function stripBrackets(h: string): string {
  return h.replace(/[(（[【][^)）\]】]*[)）\]】]/g, '');
}
