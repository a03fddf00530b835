// The kiosk's own words, per language. The questions come from the content pack; these
// are the buttons and messages around them. A pack language without its own set here is
// not offered (see offeredLanguages).

import { MIN_GROUP } from '../../electron/results/floor.ts';

export interface Strings {
  /** The language these words are in (a pack language without words of its own shows English ones). */
  lang: string;
  touchToStart: string;
  hello: string;
  languageName: string;
  switchTo: string;
  chooseTitle: string;
  /** For a pack of `count` questions (1 to 6). */
  chooseHint: (count: number) => string;
  answered: string;
  question: (slot: number) => string;
  finish: string;
  back: string;
  saving: string;
  notSaved: string;
  here: string;
  elsewhere: string;
  firstOnes: string;
  tooFew: (group: string) => string;
  answers: (n: number) => string;
  yourAnswer: string;
  /** The result's one message, after a big share: that share of a group chose what this student chose. */
  sameAsYou: { here: string; elsewhere: string };
  /** The other group's share, under the message. */
  groupShare: (group: string, share: string) => string;
  nextQuestion: string;
  card: {
    dispensing: string;
    take: string;
    taken: string;
    empty: string;
    jammed: string;
    /** The card moment's headline. */
    here: string;
    /** This student's earlier card still waits in the gate. */
    gateFull: string;
    /** Someone else's card still waits in the gate: never this student's fault. */
    gateFullOther: string;
    unavailable: string;
    photo: string;
    /** On the goodbye screen, when the card still waits in the gate. */
    forgotten: string;
  };
  stillThere: string;
  stillThereHint: (seconds: number) => string;
  yesStillHere: string;
  thanks: string;
  seeYou: string;
  /** For the operator, in a corner: the pillar is the simulator. */
  simulatedPillar: string;
}

/** A count of two or more in words (`words` from two up); beyond the list, the digits. */
const counted = (words: string[], n: number): string => words[n - 2] ?? String(n);

const nl: Strings = {
  lang: 'nl',
  touchToStart: 'Raak me aan om te beginnen',
  hello: 'Hoi! Heb je even?',
  languageName: 'Nederlands',
  switchTo: 'Taal: Nederlands',
  chooseTitle: 'Kies een vraag',
  chooseHint: (n) => (n === 1 ? 'Eén vraag. Anoniem.' : `${counted(['Twee', 'Drie', 'Vier', 'Vijf', 'Zes'], n)} vragen. Beantwoord er één, of allemaal. Anoniem.`),
  answered: 'Beantwoord',
  question: (slot) => `Vraag ${slot}`,
  finish: 'Klaar',
  back: 'Terug',
  saving: 'Even bewaren…',
  notSaved: 'Je antwoord kon niet worden bewaard. Probeer het nog eens.',
  here: 'Hier',
  elsewhere: 'Elders op de tour',
  firstOnes: 'Je bent een van de eersten. Zodra er 5 antwoorden zijn, zie je hier hoe anderen antwoordden.',
  tooFew: (group) => `${group}: nog minder dan ${MIN_GROUP} antwoorden.`,
  answers: (n) => `${n} ${n === 1 ? 'antwoord' : 'antwoorden'}`,
  yourAnswer: 'jouw antwoord',
  sameAsYou: { here: 'hier koos hetzelfde als jij', elsewhere: 'elders op de tour koos hetzelfde als jij' },
  groupShare: (group, s) => `${group}: ${s}`,
  nextQuestion: 'Nog een vraag',
  card: {
    dispensing: 'Je kaart komt eraan…',
    take: 'Pak je kaart uit de olifant en neem hem mee naar het college!',
    taken: 'Top! Neem je kaart mee naar het college.',
    empty: 'De kaarten van deze vraag zijn even op. Onthoud de vraag, of maak er een foto van, en neem hem mee naar het college.',
    jammed: 'De kaart blijft steken, sorry! Onthoud de vraag, of maak er een foto van, en neem hem mee naar het college.',
    here: 'Daar is je kaart!',
    gateFull: 'Je vorige kaart ligt nog in de olifant. Pak die eerst, dan komt deze.',
    gateFullOther: 'Er ligt nog een kaart van iemand vóór jou in de olifant. Haal die eruit, dan komt de jouwe.',
    unavailable: 'Er komt nu geen kaart. Onthoud de vraag, of maak er een foto van, en neem hem mee naar het college.',
    photo: 'De vraag blijft nog even staan.',
    forgotten: 'Vergeet je kaart niet: hij ligt nog in de olifant!',
  },
  stillThere: 'Ben je er nog?',
  stillThereHint: (s) => `Over ${s} ${s === 1 ? 'seconde' : 'seconden'} begin ik opnieuw.`,
  yesStillHere: 'Ja, ik ben er nog',
  thanks: 'Bedankt voor je antwoorden!',
  seeYou: 'Tot bij het college.',
  simulatedPillar: 'Gesimuleerde zuil: geen echte kaarten',
};

const en: Strings = {
  lang: 'en',
  touchToStart: 'Touch me to start',
  hello: 'Hi! Got a minute?',
  languageName: 'English',
  switchTo: 'Language: English',
  chooseTitle: 'Choose a question',
  chooseHint: (n) => (n === 1 ? 'One question. Anonymously.' : `${counted(['Two', 'Three', 'Four', 'Five', 'Six'], n)} questions. Answer one, or all of them. Anonymously.`),
  answered: 'Answered',
  question: (slot) => `Question ${slot}`,
  finish: 'Done',
  back: 'Back',
  saving: 'Saving…',
  notSaved: 'Your answer could not be saved. Please try again.',
  here: 'Here',
  elsewhere: 'Elsewhere on the tour',
  firstOnes: "You're among the first. Once there are 5 answers, you'll see here how others answered.",
  tooFew: (group) => `${group}: fewer than ${MIN_GROUP} answers so far.`,
  answers: (n) => `${n} ${n === 1 ? 'answer' : 'answers'}`,
  yourAnswer: 'your answer',
  sameAsYou: { here: 'here chose the same as you', elsewhere: 'elsewhere on the tour chose the same as you' },
  groupShare: (group, s) => `${group}: ${s}`,
  nextQuestion: 'Another question',
  card: {
    dispensing: 'Your card is on its way…',
    take: 'Take your card from the elephant and bring it to the lecture!',
    taken: 'Great! Bring your card to the lecture.',
    empty: 'The cards for this question have run out for now. Remember the question, or take a photo of it, and bring it to the lecture.',
    jammed: "The card got stuck, sorry! Remember the question, or take a photo of it, and bring it to the lecture.",
    here: "Here's your card!",
    gateFull: 'Your previous card is still in the elephant. Take it first, then this one will come.',
    gateFullOther: 'A card from someone before you is still in the elephant. Take it out, then yours will come.',
    unavailable: 'No card right now. Remember the question, or take a photo of it, and bring it to the lecture.',
    photo: 'The question stays on screen a little longer.',
    forgotten: "Don't forget your card: it's still in the elephant!",
  },
  stillThere: 'Still there?',
  stillThereHint: (s) => `I'll start over in ${s} ${s === 1 ? 'second' : 'seconds'}.`,
  yesStillHere: "Yes, I'm still here",
  thanks: 'Thanks for your answers!',
  seeYou: 'See you at the lecture.',
  simulatedPillar: 'Simulated pillar: no real cards',
};

const de: Strings = {
  lang: 'de',
  touchToStart: 'Berühr mich, um zu beginnen',
  hello: 'Hallo! Hast du kurz Zeit?',
  languageName: 'Deutsch',
  switchTo: 'Sprache: Deutsch',
  chooseTitle: 'Wähle eine Frage',
  chooseHint: (n) => (n === 1 ? 'Eine Frage. Anonym.' : `${counted(['Zwei', 'Drei', 'Vier', 'Fünf', 'Sechs'], n)} Fragen. Beantworte eine oder alle. Anonym.`),
  answered: 'Beantwortet',
  question: (slot) => `Frage ${slot}`,
  finish: 'Fertig',
  back: 'Zurück',
  saving: 'Wird gespeichert…',
  notSaved: 'Deine Antwort konnte nicht gespeichert werden. Versuch es bitte noch einmal.',
  here: 'Hier',
  elsewhere: 'Anderswo auf der Tour',
  firstOnes: 'Du bist eine*r der Ersten. Sobald es 5 Antworten gibt, siehst du hier, wie andere geantwortet haben.',
  tooFew: (group) => `${group}: bisher weniger als ${MIN_GROUP} Antworten.`,
  answers: (n) => `${n} ${n === 1 ? 'Antwort' : 'Antworten'}`,
  yourAnswer: 'deine Antwort',
  sameAsYou: { here: 'hier haben dasselbe gewählt wie du', elsewhere: 'anderswo auf der Tour haben dasselbe gewählt wie du' },
  groupShare: (group, s) => `${group}: ${s}`,
  nextQuestion: 'Noch eine Frage',
  card: {
    dispensing: 'Deine Karte kommt…',
    take: 'Nimm deine Karte aus dem Elefanten und bring sie mit zur Vorlesung!',
    taken: 'Super! Bring deine Karte mit zur Vorlesung.',
    empty: 'Die Karten zu dieser Frage sind gerade alle. Merk dir die Frage oder mach ein Foto davon und bring sie mit zur Vorlesung.',
    jammed: 'Die Karte klemmt, sorry! Merk dir die Frage oder mach ein Foto davon und bring sie mit zur Vorlesung.',
    here: 'Da ist deine Karte!',
    gateFull: 'Deine vorige Karte liegt noch im Elefanten. Nimm sie zuerst, dann kommt diese.',
    gateFullOther: 'Im Elefanten liegt noch eine Karte von jemandem vor dir. Nimm sie heraus, dann kommt deine.',
    unavailable: 'Gerade keine Karte. Merk dir die Frage oder mach ein Foto davon und bring sie mit zur Vorlesung.',
    photo: 'Die Frage bleibt noch etwas auf dem Bildschirm.',
    forgotten: 'Vergiss deine Karte nicht: Sie liegt noch im Elefanten!',
  },
  stillThere: 'Bist du noch da?',
  stillThereHint: (s) => `In ${s} ${s === 1 ? 'Sekunde' : 'Sekunden'} fange ich von vorne an.`,
  yesStillHere: 'Ja, ich bin noch da',
  thanks: 'Danke für deine Antworten!',
  seeYou: 'Bis zur Vorlesung.',
  simulatedPillar: 'Simulierte Säule: keine echten Karten',
};

const fr: Strings = {
  lang: 'fr',
  touchToStart: 'Touche-moi pour commencer',
  hello: 'Salut ! Tu as une minute ?',
  languageName: 'Français',
  switchTo: 'Langue : français',
  chooseTitle: 'Choisis une question',
  chooseHint: (n) => (n === 1 ? 'Une question. Anonymement.' : `${counted(['Deux', 'Trois', 'Quatre', 'Cinq', 'Six'], n)} questions. Réponds à une, ou à toutes. Anonymement.`),
  answered: 'Répondu',
  question: (slot) => `Question ${slot}`,
  finish: 'Terminé',
  back: 'Retour',
  saving: 'Enregistrement…',
  notSaved: "Ta réponse n'a pas pu être enregistrée. Réessaie, s'il te plaît.",
  here: 'Ici',
  elsewhere: 'Ailleurs sur la tournée',
  firstOnes: 'Tu es parmi les premiers. Dès qu’il y aura 5 réponses, tu verras ici comment les autres ont répondu.',
  tooFew: (group) => `${group} : moins de ${MIN_GROUP} réponses pour l'instant.`,
  answers: (n) => `${n} ${n === 1 ? 'réponse' : 'réponses'}`,
  yourAnswer: 'ta réponse',
  sameAsYou: { here: 'ici ont choisi comme toi', elsewhere: 'ailleurs sur la tournée ont choisi comme toi' },
  groupShare: (group, s) => `${group} : ${s}`,
  nextQuestion: 'Une autre question',
  card: {
    dispensing: 'Ta carte arrive…',
    take: "Prends ta carte dans l'éléphant et apporte-la au cours !",
    taken: 'Super ! Apporte ta carte au cours.',
    empty: 'Il n’y a plus de cartes pour cette question. Retiens la question, ou prends-la en photo, et apporte-la au cours.',
    jammed: 'La carte est coincée, désolé ! Retiens la question, ou prends-la en photo, et apporte-la au cours.',
    here: 'Voilà ta carte !',
    gateFull: 'Ta carte précédente est encore dans l’éléphant. Prends-la d’abord, puis celle-ci arrivera.',
    gateFullOther: 'Une carte de quelqu’un avant toi est encore dans l’éléphant. Retire-la, puis la tienne arrivera.',
    unavailable: 'Pas de carte pour le moment. Retiens la question, ou prends-la en photo, et apporte-la au cours.',
    photo: 'La question reste encore un peu à l’écran.',
    forgotten: "N'oublie pas ta carte : elle est encore dans l'éléphant !",
  },
  stillThere: 'Tu es encore là ?',
  stillThereHint: (s) => `Je recommence dans ${s} ${s === 1 ? 'seconde' : 'secondes'}.`,
  yesStillHere: 'Oui, je suis là',
  thanks: 'Merci pour tes réponses !',
  seeYou: 'À bientôt au cours.',
  simulatedPillar: 'Colonne simulée : pas de vraies cartes',
};

const ALL: Record<string, Strings> = { nl, en, de, fr };

export function strings(language: string): Strings {
  return ALL[language] ?? en;
}

/** The pack's languages the kiosk speaks; with none of them, the pack's first (in English words). */
export function offeredLanguages(languages: string[]): string[] {
  const offered = languages.filter((code) => Object.hasOwn(ALL, code));
  return offered.length > 0 ? offered : languages.slice(0, 1);
}

/** A share from 0 to 1 as a whole percentage, written as the language writes it ("38%", "38 %"). */
export const percent = (share: number, language: string): string => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
