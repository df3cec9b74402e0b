import type { Lang } from "./data";

/**
 * Bio sentence templates per language. A bio takes one sentence from each section in order
 * (opener, practice, themes, detail, closing). Slots: {city} {m1} {m2} {m3} (practices),
 * {t1} {t2} (themes), {org} {type} {year} {n}; in Korean `{t1|과}` appends the particle
 * that fits the word's last syllable. Templates avoid gendered forms where the language allows,
 * and avoid prepositions that would contract with the article ("de le").
 */
export type BioTemplates = { creator: string[][]; org: string[][]; curator: string[][] };

export const BIOS: Record<Lang, BioTemplates> = {
  en: {
    creator: [
      ["Visual artist based in {city}.", "I'm an artist living and working in {city}.", "Artist and occasional teacher, based in {city}.", "I make work in {city}, mostly in a shared studio."],
      ["My practice spans {m1} and {m2}.", "I work mainly with {m1}, and more recently with {m2}.", "Most pieces start as {m1} and end up somewhere between {m2} and {m3}.", "I move between {m1}, {m2} and whatever the project asks for."],
      ["Recent projects look at {t1} and {t2}.", "The work keeps returning to {t1}, and to how {t2} shapes the places we live.", "I'm interested in {t1}, {t2} and the small gestures that hold them together."],
      ["Since {year} I have shown in artist-run spaces and small festivals.", "In {year} I completed a residency that changed how I work.", "I also teach workshops for young people.", "I co-run a small print studio with two friends.", "My first solo show opened in {year}."],
      ["Open to collaborations, especially with people outside the art world.", "Always happy to talk about shared projects: write to me.", "Looking for collaborators for a project on {t1}."],
    ],
    org: [
      ["{org} is {type} in {city}.", "{org}: {type} in {city}, since {year}."],
      ["We show work by emerging and mid-career artists, with a focus on {t1} and {t2}.", "Our programme looks at {t1} and {t2}, across {m1}, {m2} and live work.", "We commission new work and keep a small library open to the public."],
      ["Since {year} we have worked with more than {n} artists.", "Two open calls a year; residents get a studio, a stipend and time.", "We are especially keen on projects made with local communities."],
      ["Follow us to hear about open calls.", "Artists are welcome to send a short portfolio at any time."],
    ],
    curator: [
      ["Independent curator based in {city}.", "Curator and producer, working from {city}."],
      ["I curate exhibitions and public programmes around {t1} and {t2}.", "My projects bring together {m1}, {m2} and writing."],
      ["Since {year} I have curated more than {n} exhibitions.", "I also write about art and edit small publications.", "Previously assistant curator at a municipal museum."],
      ["Always looking for artists working with {m1}.", "Happy to read proposals: send me a short note."],
    ],
  },
  fr: {
    creator: [
      ["Artiste plasticien·ne basé·e à {city}.", "Je vis et travaille à {city}.", "Artiste et parfois enseignant·e, installé·e à {city}."],
      ["Ma pratique mêle {m1} et {m2}.", "Je travaille surtout {m1}, et depuis peu {m2}.", "Mes pièces naissent souvent avec {m1} et finissent entre {m2} et {m3}."],
      ["Mes projets récents explorent {t1} et {t2}.", "Au cœur de mon travail : {t1} et {t2}.", "Mon travail interroge {t1}, {t2} et les petits gestes qui les relient."],
      ["Depuis {year}, j'expose dans des lieux associatifs et de petits festivals.", "En {year}, une résidence a changé ma manière de travailler.", "J'anime aussi des ateliers pour les jeunes.", "Je partage un petit atelier de sérigraphie avec deux ami·es.", "Ma première exposition personnelle a eu lieu en {year}."],
      ["Ouvert·e aux collaborations, surtout avec des personnes hors du monde de l'art.", "Toujours partant·e pour des projets communs : écrivez-moi.", "Je cherche des complices pour un projet sur {t1}."],
    ],
    org: [
      ["{org} est {type} à {city}.", "{org}, {type} à {city}, depuis {year}."],
      ["Nous montrons le travail d'artistes émergent·es et confirmé·es.", "Notre programme explore {t1} et {t2}, entre {m1}, {m2} et performance.", "Nous produisons de nouvelles œuvres et ouvrons une petite bibliothèque au public."],
      ["Depuis {year}, nous avons accompagné plus de {n} artistes.", "Deux appels à candidatures par an ; les résident·es disposent d'un atelier, d'une bourse et de temps.", "Nous cherchons en particulier des projets menés avec les habitant·es du quartier."],
      ["Suivez-nous pour connaître nos appels à projets.", "Les artistes peuvent nous envoyer un portfolio à tout moment."],
    ],
    curator: [
      ["Commissaire d'exposition indépendant·e basé·e à {city}.", "Commissaire et chargé·e de production à {city}."],
      ["Je conçois des expositions et des programmes publics sur {t1} et {t2}.", "Mes projets réunissent {m1}, {m2} et l'écriture."],
      ["Depuis {year}, j'ai conçu plus de {n} expositions.", "J'écris aussi sur l'art et j'édite de petites publications."],
      ["Toujours à la recherche d'artistes qui travaillent {m1}.", "Propositions bienvenues : un petit mot suffit."],
    ],
  },
  es: {
    creator: [
      ["Artista visual con base en {city}.", "Vivo y trabajo en {city}.", "Artista y, a ratos, docente en {city}."],
      ["Mi práctica combina {m1} y {m2}.", "Trabajo sobre todo con {m1} y, últimamente, con {m2}.", "Mis piezas suelen empezar con {m1} y terminar entre {m2} y {m3}."],
      ["Mis proyectos recientes exploran {t1} y {t2}.", "En el centro de mi trabajo están {t1} y {t2}.", "Me interesan {t1}, {t2} y los pequeños gestos que los sostienen."],
      ["Desde {year} expongo en espacios autogestionados y festivales pequeños.", "En {year} hice una residencia que cambió mi forma de trabajar.", "También doy talleres para jóvenes.", "Comparto un pequeño taller de serigrafía con dos amigas.", "Mi primera exposición individual fue en {year}."],
      ["Con ganas de colaborar, sobre todo con gente de fuera del mundo del arte.", "Si tienes un proyecto en común en mente, escríbeme.", "Busco cómplices para un proyecto sobre {t1}."],
    ],
    org: [
      ["{org} es {type} en {city}.", "{org}, {type} en {city} desde {year}."],
      ["Mostramos el trabajo de artistas emergentes y de media carrera.", "Nuestro programa explora {t1} y {t2}, entre {m1}, {m2} y la acción en vivo."],
      ["Desde {year} hemos trabajado con más de {n} artistas.", "Dos convocatorias al año; cada residente recibe estudio, beca y tiempo.", "Nos interesan especialmente los proyectos hechos con comunidades locales."],
      ["Síguenos para enterarte de las convocatorias.", "Puedes enviarnos tu portafolio cuando quieras."],
    ],
    curator: [
      ["Curaduría independiente desde {city}.", "Me dedico a la curaduría y la producción en {city}."],
      ["Diseño exposiciones y programas públicos sobre {t1} y {t2}.", "Mis proyectos reúnen {m1}, {m2} y escritura."],
      ["Desde {year} he comisariado más de {n} exposiciones.", "También escribo sobre arte y edito pequeñas publicaciones."],
      ["Siempre busco artistas que trabajen con {m1}.", "Las propuestas son bienvenidas: escríbeme."],
    ],
  },
  pt: {
    creator: [
      ["Artista visual com estúdio em {city}.", "Vivo e trabalho em {city}.", "Artista e, às vezes, educador·a em {city}."],
      ["A minha prática cruza {m1} e {m2}.", "Trabalho sobretudo com {m1} e, mais recentemente, com {m2}.", "As peças começam muitas vezes com {m1} e acabam entre {m2} e {m3}."],
      ["Os projetos recentes olham para {t1} e {t2}.", "No centro do meu trabalho estão {t1} e {t2}.", "Interessam-me {t1}, {t2} e os pequenos gestos que os ligam."],
      ["Desde {year} exponho em espaços independentes e pequenos festivais.", "Em {year} fiz uma residência que mudou a minha forma de trabalhar.", "Também dou oficinas para jovens.", "Divido um pequeno estúdio de serigrafia com dois amigos.", "A minha primeira exposição individual foi em {year}."],
      ["Gosto de colaborar, sobretudo com pessoas de fora do mundo da arte.", "Tem um projeto em comum em mente? Escreva-me.", "Procuro cúmplices para um projeto sobre {t1}."],
    ],
    org: [
      ["{org} é {type} em {city}.", "{org}, {type} em {city} desde {year}."],
      ["Mostramos o trabalho de artistas emergentes e em meio de carreira.", "A nossa programação explora {t1} e {t2}, entre {m1}, {m2} e a performance."],
      ["Desde {year}, trabalhámos com mais de {n} artistas.", "Duas chamadas abertas por ano; cada residente recebe estúdio, bolsa e tempo.", "Interessam-nos sobretudo projetos feitos com comunidades locais."],
      ["Siga-nos para saber das chamadas abertas.", "Os artistas podem enviar um portfólio a qualquer momento."],
    ],
    curator: [
      ["Curadoria independente a partir de {city}.", "Trabalho em curadoria e produção em {city}."],
      ["Desenho exposições e programas públicos sobre {t1} e {t2}.", "Os meus projetos juntam {m1}, {m2} e escrita."],
      ["Desde {year} fiz a curadoria de mais de {n} exposições.", "Também escrevo sobre arte e edito pequenas publicações."],
      ["Procuro sempre artistas que trabalhem com {m1}.", "Propostas são bem-vindas: envie uma mensagem."],
    ],
  },
  de: {
    creator: [
      ["Ich lebe und arbeite in {city}.", "Künstlerische Praxis mit Atelier in {city}.", "Mein Atelier ist in {city}, meistens geteilt mit anderen."],
      ["Meine Arbeit verbindet {m1} und {m2}.", "Ich arbeite vor allem mit {m1}, seit Kurzem auch mit {m2}.", "Viele Arbeiten beginnen als {m1} und enden irgendwo zwischen {m2} und {m3}."],
      ["In neueren Projekten geht es um {t1} und {t2}.", "Themen wie {t1} und {t2} ziehen sich durch meine Arbeit.", "Im Zentrum stehen {t1}, {t2} und die kleinen Gesten dazwischen."],
      ["Seit {year} stelle ich in selbstorganisierten Räumen und auf kleinen Festivals aus.", "{year} war ich in einer Residenz, die meine Arbeitsweise verändert hat.", "Außerdem gebe ich Workshops für Jugendliche.", "Ich teile mir eine kleine Siebdruckwerkstatt mit zwei Freund*innen.", "Meine erste Einzelausstellung war {year}."],
      ["Offen für Kooperationen, gern auch mit Menschen außerhalb der Kunstwelt.", "Lust auf ein gemeinsames Projekt? Schreib mir.", "Ich suche Mitstreiter*innen für ein Projekt über {t1}."],
    ],
    org: [
      ["{org} ist {type} in {city}.", "{org}, {type} in {city}, seit {year}."],
      ["Wir zeigen Arbeiten von jungen und etablierten Künstler*innen.", "Unser Programm beschäftigt sich mit {t1} und {t2}, zwischen {m1}, {m2} und Performance."],
      ["Seit {year} haben wir mit mehr als {n} Künstler*innen gearbeitet.", "Zwei offene Ausschreibungen pro Jahr; Residierende bekommen Atelier, Stipendium und Zeit.", "Besonders interessieren uns Projekte, die mit der Nachbarschaft entstehen."],
      ["Folgt uns, um von Ausschreibungen zu erfahren.", "Portfolios nehmen wir jederzeit gern entgegen."],
    ],
    curator: [
      ["Freie kuratorische Praxis in {city}.", "Ich kuratiere und produziere Ausstellungen, meist von {city} aus."],
      ["Ich entwickle Ausstellungen und öffentliche Programme zu {t1} und {t2}.", "Meine Projekte bringen {m1}, {m2} und Text zusammen."],
      ["Seit {year} habe ich mehr als {n} Ausstellungen kuratiert.", "Außerdem schreibe ich über Kunst und gebe kleine Publikationen heraus."],
      ["Immer auf der Suche nach Künstler*innen, die mit {m1} arbeiten.", "Vorschläge sind willkommen, schreib mir einfach."],
    ],
  },
  ja: {
    creator: [
      ["{city}を拠点に活動しています。", "{city}在住の美術家です。", "{city}の共同スタジオで制作しています。"],
      ["{m1}と{m2}を中心に制作しています。", "主に{m1}を用い、最近は{m2}にも取り組んでいます。", "{m1}から始まり、{m2}や{m3}へと展開する作品をつくっています。"],
      ["近年は{t1}と{t2}をテーマにしています。", "{t1}や{t2}について考えながら作品をつくっています。"],
      ["{year}年からオルタナティブスペースや小さな芸術祭で発表しています。", "{year}年のレジデンスをきっかけに制作方法が変わりました。", "子ども向けのワークショップも行っています。", "{year}年に初個展を開催しました。"],
      ["アートの外側にいる人とのコラボレーションに興味があります。", "一緒にプロジェクトができる方、気軽にご連絡ください。", "{t1}をテーマにしたプロジェクトの仲間を探しています。"],
    ],
    org: [
      ["{org}は{city}の{type}です。", "{org}は{year}年に{city}で始まった{type}です。"],
      ["若手から中堅までのアーティストを紹介しています。", "{t1}や{t2}をテーマに、{m1}や{m2}の作品を紹介しています。"],
      ["{year}年以来、{n}人以上のアーティストと協働してきました。", "年2回の公募を行い、滞在制作のためのスタジオと奨励金を提供しています。"],
      ["公募情報はフォローしてご確認ください。", "ポートフォリオはいつでも受け付けています。"],
    ],
    curator: [
      ["{city}を拠点とするインディペンデント・キュレーターです。", "{city}で展覧会の企画と制作をしています。"],
      ["{t1}や{t2}をテーマに展覧会や公開プログラムを企画しています。", "{m1}、{m2}、そして言葉をつなぐプロジェクトを手がけています。"],
      ["{year}年以来、{n}以上の展覧会を企画してきました。", "美術に関する執筆や小さな出版物の編集も行っています。"],
      ["{m1}に取り組むアーティストを探しています。", "企画の提案はお気軽にどうぞ。"],
    ],
  },
  ko: {
    creator: [
      ["{city}에서 활동하는 시각예술가입니다.", "{city}에 살며 작업하고 있습니다.", "{city}의 공동 작업실에서 작업합니다."],
      ["{m1|과} {m2|을} 중심으로 작업합니다.", "주로 {m1|을} 다루고, 최근에는 {m2}에도 관심을 두고 있습니다.", "{m1}에서 시작해 {m2|과} {m3} 사이를 오가는 작업을 합니다."],
      ["최근에는 {t1|과} {t2|을} 주제로 작업하고 있습니다.", "{t1|과} {t2}에 대해 생각하며 작업합니다."],
      ["{year}년부터 대안공간과 작은 예술 축제에서 작품을 발표해 왔습니다.", "{year}년 레지던시를 계기로 작업 방식이 바뀌었습니다.", "청소년을 위한 워크숍도 진행합니다.", "{year}년에 첫 개인전을 열었습니다."],
      ["예술계 밖의 사람들과의 협업에 관심이 많습니다.", "함께할 프로젝트가 있다면 편하게 연락 주세요.", "{t1|을} 주제로 한 프로젝트를 함께할 분을 찾고 있습니다."],
    ],
    org: [
      ["{city}에 있는 {type}, {org}입니다.", "{year}년 {city}에서 문을 연 {type}입니다."],
      ["신진 및 중견 작가의 작업을 소개합니다.", "{t1|과} {t2|을} 주제로 {m1|과} {m2} 작업을 소개합니다."],
      ["{year}년부터 {n}명 이상의 작가와 함께했습니다.", "매년 두 차례 공모를 열고, 입주 작가에게 작업실과 지원금을 제공합니다."],
      ["공모 소식은 팔로우로 받아보세요.", "포트폴리오는 언제든 보내 주세요."],
    ],
    curator: [
      ["{city}에서 활동하는 독립 큐레이터입니다.", "{city}에서 전시를 기획하고 제작합니다."],
      ["{t1|과} {t2|을} 주제로 전시와 공공 프로그램을 기획합니다.", "{m1}, {m2}, 그리고 글쓰기를 잇는 프로젝트를 합니다."],
      ["{year}년부터 {n}개 이상의 전시를 기획했습니다.", "미술에 관한 글을 쓰고 작은 출판물을 편집하기도 합니다."],
      ["{m1} 작업을 하는 작가를 찾고 있습니다.", "제안은 언제든 환영합니다."],
    ],
  },
};

/** Headline templates; {M1} is the practice capitalised without its article. */
export const HEADLINES: Record<Lang, { creator: string[]; org: string[]; curator: string[] }> = {
  en: { creator: ["{M1} · {M2} · {city}", "Artist working with {m1} and {m2}", "Visual artist in {city}: {m1}, {m2}"], org: ["{Type} in {city}", "{Type} in {city} · {t1}, {t2}"], curator: ["Independent curator · {t1} and {t2}", "Curator and producer · {city}"] },
  fr: { creator: ["{M1} · {M2} · {city}", "Artiste · {M1} et {m2_}", "Artiste plasticien·ne à {city}"], org: ["{Type} à {city}", "{Type} à {city} · {t1_}, {t2_}"], curator: ["Commissaire indépendant·e · {city}", "Commissariat · {T1} et {t2_}"] },
  es: { creator: ["{M1} · {M2} · {city}", "Artista visual en {city} · {M1} y {m2_}"], org: ["{Type} en {city}", "{Type} en {city} · {t1_}, {t2_}"], curator: ["Curaduría independiente · {city}", "Curaduría · {T1} y {t2_}"] },
  pt: { creator: ["{M1} · {M2} · {city}", "Artista visual em {city} · {M1} e {m2_}"], org: ["{Type} em {city}", "{Type} em {city} · {t1_}, {t2_}"], curator: ["Curadoria independente · {city}", "Curadoria · {T1} e {t2_}"] },
  de: { creator: ["{M1} · {M2} · {city}", "Bildende Kunst in {city} · {M1}, {M2}"], org: ["{Type} in {city}", "{Type} in {city} · {T1}, {T2}"], curator: ["Freie kuratorische Praxis · {city}", "Kuratorische Praxis · {T1} und {T2}"] },
  ja: { creator: ["{M1}・{M2}｜{city}", "{city}を拠点とする美術家｜{M1}"], org: ["{city}の{type}", "{type}｜{t1}・{t2}"], curator: ["インディペンデント・キュレーター｜{city}", "展覧会企画｜{t1}・{t2}"] },
  ko: { creator: ["{M1} · {M2} · {city}", "{city} 기반 시각예술가 · {M1}"], org: ["{city}의 {type}", "{type} · {t1}, {t2}"], curator: ["독립 큐레이터 · {city}", "전시 기획 · {t1}, {t2}"] },
};
