// Olifant's words in Dutch (nl): the kiosk's, the service screen's, the presenter's and the lecture
// files' (the questions themselves come from the content pack, not from here).
//
// One message per key, in ICU message syntax: {name} is filled in; {count, plural, one {…}
// other {…}} picks the form for a number (# is that number, written as the language writes
// it); {x, select, yes {…} other {…}} picks by a word. {floor} is the privacy floor, the
// smallest group ever shown. To translate: keep the keys and everything inside {…} before the
// first comma, translate the rest. tests/unit/words.test.ts checks every language has every
// key, that every message parses, and that each uses the same placeholders as the Dutch.
// Dutch is the source: the other languages follow its keys.

export const nl = {
  'kiosk.touchToStart': 'Raak me aan om te beginnen',
  'kiosk.hello': 'Hoi! Heb je even?',
  'kiosk.languageName': 'Nederlands',
  'kiosk.switchTo': 'Taal: Nederlands',
  'kiosk.chooseTitle': 'Kies een vraag',
  'kiosk.chooseHint': '{count, plural, =1 {Eén vraag. Anoniem.} other {{count, select, 2 {Twee} 3 {Drie} 4 {Vier} 5 {Vijf} 6 {Zes} other {{count}}} vragen. Beantwoord er één, of allemaal. Anoniem.}}',
  'kiosk.answered': 'Beantwoord',
  'kiosk.question': 'Vraag {slot}',
  'kiosk.finish': 'Klaar',
  'kiosk.back': 'Terug',
  'kiosk.saving': 'Even bewaren…',
  'kiosk.notSaved': 'Je antwoord kon niet worden bewaard. Probeer het nog eens.',
  'kiosk.here': 'Hier',
  'kiosk.elsewhere': 'Elders op de tour',
  'kiosk.firstOnes': 'Je bent een van de eersten. Zodra er {floor} antwoorden zijn, zie je hier hoe anderen antwoordden.',
  'kiosk.tooFew': '{group}: nog minder dan {floor} antwoorden.',
  'kiosk.answers': '{count, plural, one {# antwoord} other {# antwoorden}}',
  'kiosk.yourAnswer': 'jouw antwoord',
  'kiosk.sameAsYou.here': 'hier koos hetzelfde als jij',
  'kiosk.sameAsYou.elsewhere': 'elders op de tour koos hetzelfde als jij',
  'kiosk.groupShare': '{group}: {share}',
  'kiosk.nextQuestion': 'Nog een vraag',
  'kiosk.card.dispensing': 'Je kaart komt eraan…',
  'kiosk.card.take': 'Pak je kaart uit de olifant en neem hem mee naar het college!',
  'kiosk.card.taken': 'Top! Neem je kaart mee naar het college.',
  'kiosk.card.empty': 'De kaarten van deze vraag zijn even op. Onthoud de vraag, of maak er een foto van, en neem hem mee naar het college.',
  'kiosk.card.jammed': 'De kaart blijft steken, sorry! Onthoud de vraag, of maak er een foto van, en neem hem mee naar het college.',
  'kiosk.card.here': 'Daar is je kaart!',
  'kiosk.card.gateFull': 'Je vorige kaart ligt nog in de olifant. Pak die eerst, dan komt deze.',
  'kiosk.card.gateFullOther': 'Er ligt nog een kaart van iemand vóór jou in de olifant. Haal die eruit, dan komt de jouwe.',
  'kiosk.card.unavailable': 'Er komt nu geen kaart. Onthoud de vraag, of maak er een foto van, en neem hem mee naar het college.',
  'kiosk.card.photo': 'De vraag blijft nog even staan.',
  'kiosk.card.forgotten': 'Vergeet je kaart niet: hij ligt nog in de olifant!',
  'kiosk.stillThere': 'Ben je er nog?',
  'kiosk.stillThereHint': 'Over {seconds, plural, one {# seconde} other {# seconden}} begin ik opnieuw.',
  'kiosk.yesStillHere': 'Ja, ik ben er nog',
  'kiosk.thanks': 'Bedankt voor je antwoorden!',
  'kiosk.seeYou': 'Tot bij het college.',
  'kiosk.simulatedPillar': 'Gesimuleerde zuil: geen echte kaarten',
};

/** A language's words: every key of the Dutch, with its message. */
export type Catalogue = Record<keyof typeof nl, string>;
