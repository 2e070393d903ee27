import type { DB } from '../db';
import * as welcome from '../welcome';

/** The welcome text as a verbinder of the demo flat would write it, in each of its languages. */
const TEXTS: Record<string, string> = {
	nl: `# Welkom in onze flat!

Fijn dat je er bent. Hier helpen buren elkaar met kleine dingen: een boodschap, de planten, een brief lezen. Je hoeft niets te kunnen om mee te doen.

## De verbinders
**Bram** en **Samira** zijn de verbinders. Ze helpen je op weg en weten wie je waarvoor kunt vragen.
Bram is er op dinsdag in de Buurtkamer, Samira op donderdag. Je mag ze ook gewoon aanspreken in de hal.

## De Buurtkamer
Open op **dinsdag en donderdag van 10:00 tot 12:00**, op de begane grond naast de lift.
Er is koffie en thee, en altijd iemand voor een praatje. Iedereen is welkom, ook als je net komt wonen.

## Zo doen we het hier
- De galerij blijft vrij: geen fietsen of spullen voor de deur, zodat iedereen er veilig langs kan.
- De containers gaan op **dinsdagavond** buiten, niet eerder.
- Een pakketje voor de buren? Neem het gerust aan.

## Hulp van buren
Heb je iets nodig? Zet je vraag op het Burenbord. Een buur reageert, en samen spreken jullie iets af.
Kun je iets? Bied het aan. Vragen is gewoon: buren helpen graag.`,

	en: `# Welcome to our flat!

Good to have you here. Neighbours here help each other with small things: some shopping, the plants, reading a letter. You do not need any skills to join in.

## The verbinders
**Bram** and **Samira** are the verbinders. They help you find your way and know who to ask for what.
Bram is in the Buurtkamer on Tuesdays, Samira on Thursdays. You can also just say hello to them in the hall.

## The Buurtkamer
Open on **Tuesday and Thursday from 10:00 to 12:00**, on the ground floor next to the lift.
There is coffee and tea, and always someone to talk to. Everyone is welcome, also if you have just moved in.

## How we do things here
- The gallery stays free: no bikes or things by the door, so everyone can pass safely.
- The bins go out on **Tuesday evening**, not before.
- A parcel for the neighbours? Feel free to take it in.

## Help from neighbours
Do you need something? Put your question on the Burenbord. A neighbour responds, and together you agree what to do.
Can you do something? Offer it. Asking is normal: neighbours like to help.`,

	ar: `# أهلاً بك في عمارتنا!

يسعدنا وجودك هنا. الجيران هنا يساعدون بعضهم في الأشياء الصغيرة: التسوق، سقي النباتات، قراءة رسالة. لا تحتاج إلى أي مهارة لتشارك.

## الموصِّلون
**برام** و**سميرة** هما الموصِّلان. يساعدانك على التعرّف على المكان ويعرفان مَن تسأل عن ماذا.
برام موجود في غرفة الحيّ يوم الثلاثاء، وسميرة يوم الخميس. ويمكنك أيضًا أن تسلّم عليهما في المدخل.

## غرفة الحيّ
مفتوحة **الثلاثاء والخميس من 10:00 إلى 12:00**، في الطابق الأرضي بجانب المصعد.
هناك قهوة وشاي، ودائمًا شخص تتحدث معه. الجميع مرحَّب بهم، حتى لو انتقلت إلى هنا للتو.

## هكذا نفعل الأشياء هنا
- يبقى الممر خاليًا: لا دراجات ولا أغراض أمام الباب، ليمرّ الجميع بأمان.
- تُخرج الحاويات **مساء الثلاثاء**، وليس قبل ذلك.
- طرد للجيران؟ لا بأس أن تستلمه.

## مساعدة الجيران
هل تحتاج شيئًا؟ ضع سؤالك على Burenbord. يرد أحد الجيران، وتتفقان معًا.
هل تستطيع فعل شيء؟ اعرضه. الطلب أمر عادي: الجيران يحبون المساعدة.`
};

/** Writes the demo flat's welcome page in Dutch, English and Arabic, as its verbinder. */
export function demoWelcome(db: DB, flatId: number, verbinderUserId: number): void {
	for (const [locale, body] of Object.entries(TEXTS))
		welcome.save(db, flatId, verbinderUserId, locale, body);
}
