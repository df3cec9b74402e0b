import type { Lang } from "./data";

/**
 * Localised words the bio and headline templates slot in, in the order
 * en, fr, es, pt, de, ja, ko. French, Spanish and Portuguese keep their article
 * ("la peinture") so sentences read naturally; `bare` strips it for headlines.
 */
type Row = [en: string, fr: string, es: string, pt: string, de: string, ja: string, ko: string];
const LANGS: Lang[] = ["en", "fr", "es", "pt", "de", "ja", "ko"];

const table = (rows: Record<string, Row>) => (key: string, lang: Lang) => rows[key]?.[LANGS.indexOf(lang)];

/** Practices, keyed by skill name. Skills without an entry fall back to the generic word. */
export const medium = table({
  painting: ["painting", "la peinture", "la pintura", "a pintura", "Malerei", "絵画", "회화"],
  drawing: ["drawing", "le dessin", "el dibujo", "o desenho", "Zeichnung", "ドローイング", "드로잉"],
  photography: ["photography", "la photographie", "la fotografía", "a fotografia", "Fotografie", "写真", "사진"],
  illustration: ["illustration", "l'illustration", "la ilustración", "a ilustração", "Illustration", "イラストレーション", "일러스트레이션"],
  installation: ["installation", "l'installation", "la instalación", "a instalação", "Installation", "インスタレーション", "설치"],
  printmaking: ["printmaking", "l'estampe", "el grabado", "a gravura", "Druckgrafik", "版画", "판화"],
  sculpture: ["sculpture", "la sculpture", "la escultura", "a escultura", "Skulptur", "彫刻", "조각"],
  video: ["video", "la vidéo", "el vídeo", "o vídeo", "Video", "映像", "영상"],
  ceramics: ["ceramics", "la céramique", "la cerámica", "a cerâmica", "Keramik", "陶芸", "도예"],
  collage: ["collage", "le collage", "el collage", "a colagem", "Collage", "コラージュ", "콜라주"],
  "screen printing": ["screen printing", "la sérigraphie", "la serigrafía", "a serigrafia", "Siebdruck", "シルクスクリーン", "실크스크린"],
  textile: ["textiles", "le textile", "el textil", "o têxtil", "Textil", "テキスタイル", "텍스타일"],
  risograph: ["risograph", "la risographie", "la risografía", "a risografia", "Risografie", "リソグラフ", "리소그래프"],
  animation: ["animation", "l'animation", "la animación", "a animação", "Animation", "アニメーション", "애니메이션"],
  muralism: ["murals", "la peinture murale", "el muralismo", "o muralismo", "Wandmalerei", "壁画", "벽화"],
  performance: ["performance", "la performance", "la performance", "a performance", "Performance", "パフォーマンス", "퍼포먼스"],
  "3d modelling": ["3D modelling", "la modélisation 3D", "el modelado 3D", "a modelagem 3D", "3D-Modellierung", "3Dモデリング", "3D 모델링"],
  embroidery: ["embroidery", "la broderie", "el bordado", "o bordado", "Stickerei", "刺繍", "자수"],
  "sound art": ["sound", "le son", "el sonido", "o som", "Klang", "サウンド", "사운드"],
  weaving: ["weaving", "le tissage", "el tejido", "a tecelagem", "Weberei", "織物", "직조"],
  "creative coding": ["code", "le code", "el código", "o código", "Code", "コード", "코드"],
  "street art": ["street art", "l'art urbain", "el arte urbano", "a arte urbana", "Street Art", "ストリートアート", "거리 예술"],
  "digital illustration": ["digital drawing", "le dessin numérique", "el dibujo digital", "o desenho digital", "Digitalzeichnung", "デジタルドローイング", "디지털 드로잉"],
  "zine making": ["zines", "le fanzine", "el fanzine", "o fanzine", "Zines", "ZINE", "진"],
});

export const GENERIC_MEDIUM: Record<Lang, string> = {
  en: "images", fr: "l'image", es: "la imagen", pt: "a imagem", de: "Bild", ja: "イメージ", ko: "이미지",
};

/** Themes, keyed by tag name. Tags without an entry are not mentioned in bios. */
export const theme = table({
  climate: ["climate change", "le climat", "el clima", "o clima", "Klima", "気候変動", "기후 위기"],
  memory: ["memory", "la mémoire", "la memoria", "a memória", "Erinnerung", "記憶", "기억"],
  identity: ["identity", "l'identité", "la identidad", "a identidade", "Identität", "アイデンティティ", "정체성"],
  landscape: ["landscape", "le paysage", "el paisaje", "a paisagem", "Landschaft", "風景", "풍경"],
  ecology: ["ecology", "l'écologie", "la ecología", "a ecologia", "Ökologie", "エコロジー", "생태"],
  archive: ["archives", "les archives", "el archivo", "o arquivo", "Archive", "アーカイブ", "아카이브"],
  migration: ["migration", "la migration", "la migración", "a migração", "Migration", "移民", "이주"],
  "the-body": ["the body", "le corps", "el cuerpo", "o corpo", "Körper", "身体", "몸"],
  community: ["community", "la communauté", "la comunidad", "a comunidade", "Gemeinschaft", "コミュニティ", "공동체"],
  urbanism: ["the city", "la ville", "la ciudad", "a cidade", "Stadt", "都市", "도시"],
  diaspora: ["diaspora", "la diaspora", "la diáspora", "a diáspora", "Diaspora", "ディアスポラ", "디아스포라"],
  ritual: ["ritual", "le rituel", "el ritual", "o ritual", "Ritual", "儀式", "의례"],
  water: ["water", "l'eau", "el agua", "a água", "Wasser", "水", "물"],
  light: ["light", "la lumière", "la luz", "a luz", "Licht", "光", "빛"],
  labour: ["work and labour", "le travail", "el trabajo", "o trabalho", "Arbeit", "労働", "노동"],
  childhood: ["childhood", "l'enfance", "la infancia", "a infância", "Kindheit", "幼少期", "유년기"],
  language: ["language", "la langue", "el lenguaje", "a linguagem", "Sprache", "言語", "언어"],
  care: ["care", "le soin", "los cuidados", "o cuidado", "Fürsorge", "ケア", "돌봄"],
  borders: ["borders", "les frontières", "las fronteras", "as fronteiras", "Grenzen", "境界", "경계"],
  "domestic-space": ["domestic space", "l'espace domestique", "el espacio doméstico", "o espaço doméstico", "Wohnraum", "家庭の空間", "가정의 공간"],
  botany: ["plants", "les plantes", "las plantas", "as plantas", "Pflanzen", "植物", "식물"],
  mythology: ["myth", "le mythe", "el mito", "o mito", "Mythos", "神話", "신화"],
  grief: ["grief", "le deuil", "el duelo", "o luto", "Trauer", "喪失", "상실"],
  ocean: ["the sea", "la mer", "el mar", "o mar", "Meer", "海", "바다"],
  food: ["food", "la nourriture", "la comida", "a comida", "Essen", "食", "음식"],
  family: ["family", "la famille", "la familia", "a família", "Familie", "家族", "가족"],
  craft: ["craft", "l'artisanat", "la artesanía", "o artesanato", "Handwerk", "手仕事", "공예"],
  folklore: ["folklore", "le folklore", "el folclore", "o folclore", "Folklore", "民話", "민속"],
});

export const GENERIC_THEMES = ["memory", "landscape", "the-body", "light", "urbanism", "family"];

export const ORG_KINDS = ["gallery", "residency", "festival", "collective", "space"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** An organisation's kind, with its indefinite article where the language has one. */
export const orgType = table({
  gallery: ["a gallery", "une galerie", "una galería", "uma galeria", "eine Galerie", "ギャラリー", "갤러리"],
  residency: ["an artist residency", "une résidence d'artistes", "una residencia artística", "uma residência artística", "eine Künstlerresidenz", "アーティスト・イン・レジデンス", "레지던시"],
  festival: ["a festival", "un festival", "un festival", "um festival", "ein Festival", "芸術祭", "예술 축제"],
  collective: ["a curatorial collective", "un collectif curatorial", "un colectivo curatorial", "um coletivo curatorial", "ein kuratorisches Kollektiv", "キュラトリアル・コレクティブ", "큐레이토리얼 콜렉티브"],
  space: ["a project space", "un espace de projets", "un espacio de proyectos", "um espaço de projetos", "ein Projektraum", "プロジェクトスペース", "프로젝트 스페이스"],
});

/** City names as locals write them, when the bio is in the region's own language. */
export const LOCAL_CITY: Record<string, string> = {
  Lisbon: "Lisboa", "Mexico City": "Ciudad de México", Brussels: "Bruxelles", Vienna: "Wien",
  "Québec City": "Québec", Marrakesh: "Marrakech", Tokyo: "東京", Osaka: "大阪", Kyoto: "京都",
  Fukuoka: "福岡", Seoul: "서울", Busan: "부산", Gwangju: "광주",
};

const ARTICLES: Partial<Record<Lang, RegExp>> = {
  fr: /^(la |le |les |l'|une |un )/,
  es: /^(la |el |los |las |una |un )/,
  pt: /^(a |o |os |as |uma |um )/,
  en: /^(a |an |the )/,
  de: /^(ein |eine )/,
};

/** The word without its leading article ("la peinture" → "peinture"). */
export const bare = (word: string, lang: Lang) => word.replace(ARTICLES[lang] ?? /^$/, "");

export const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** Korean particles depend on whether the last syllable ends in a consonant (batchim). */
export function josa(word: string, pair: string): string {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  const batchim = code >= 0 && code <= 11171 && code % 28 !== 0;
  const forms: Record<string, [string, string]> = { 과: ["과", "와"], 을: ["을", "를"], 은: ["은", "는"], 이: ["이", "가"] };
  const form = forms[pair];
  return form ? word + (batchim ? form[0] : form[1]) : word + pair;
}
