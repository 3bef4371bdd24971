/**
 * The demo network's comments: plausible and made up, one for a high answer and one for a low
 * answer per area, in nynorsk for the municipalities that write it (Haram, Ulstein, Sykkylven)
 * and bokmål for the others. No real person is named.
 */

export type DemoForm = 'nb' | 'nn';

/** The written form of each demo municipality (docs/domain.md). */
export const NYNORSK_MUNICIPALITIES: ReadonlySet<string> = new Set(['1580', '1516', '1528']);

export function demoForm(number: string): DemoForm {
  return NYNORSK_MUNICIPALITIES.has(number) ? 'nn' : 'nb';
}

type Pair = Readonly<{ high: string; low: string }>;

export const DEMO_COMMENTS: Readonly<Record<DemoForm, Readonly<Record<string, Pair>>>> = {
  nb: {
    strategy: {
      high: 'Næringsplanen ble rullert i fjor, og formannskapet følger den opp hvert halvår.',
      low: 'Vi har en næringsplan, men den er fra 2015 og brukes lite.',
    },
    anchoring: {
      high: 'Ordfører og kommunedirektør møter næringssjefen fast hver måned.',
      low: 'Næringsarbeidet hviler på én person i administrasjonen.',
    },
    dialogue: {
      high: 'Vi har næringsfrokost annenhver måned, og bedriftene kommer.',
      low: 'Bedriftene sier de sjelden hører fra kommunen før noe går galt.',
    },
    'business-base': {
      high: 'Vi har kartlagt de tjue største arbeidsgiverne og hva de trenger de neste fem årene.',
      low: 'Vi vet lite om de små bedriftene utenom de aller største.',
    },
    community: {
      high: 'Boligtomter og barnehageplass er på plass når nye arbeidstakere kommer.',
      low: 'Bedriftene får ikke folk fordi det mangler utleieboliger.',
    },
    services: {
      high: 'Byggesaker har fast kontaktperson og forhåndskonferanse innen to uker.',
      low: 'Saksbehandlingstiden for byggesaker er for lang i sommerhalvåret.',
    },
    'land-planning': {
      high: 'Arealdelen ble vedtatt i fjor, med ferdig regulert næringsareal ved sjøen.',
      low: 'Vi har ikke ledig, regulert næringsareal å tilby i dag.',
    },
    founders: {
      high: 'Næringsfondet har enkle søknader og svar innen tre uker.',
      low: 'Gründere vet ikke hvor de skal henvende seg i kommunen.',
    },
    regional: {
      high: 'Vi deler næringssjef og planressurser med nabokommunene.',
      low: 'Regionrådet tar opp lite som angår næringslivet hos oss.',
    },
  },
  nn: {
    strategy: {
      high: 'Næringsplanen vart rullert i fjor, og formannskapet følgjer han opp kvart halvår.',
      low: 'Vi har ein næringsplan, men han er frå 2015 og blir lite brukt.',
    },
    anchoring: {
      high: 'Ordføraren og kommunedirektøren møter næringssjefen fast kvar månad.',
      low: 'Næringsarbeidet kviler på éin person i administrasjonen.',
    },
    dialogue: {
      high: 'Vi har næringsfrukost annankvar månad, og bedriftene kjem.',
      low: 'Bedriftene seier dei sjeldan høyrer frå kommunen før noko går gale.',
    },
    'business-base': {
      high: 'Vi har kartlagt dei tjue største arbeidsgivarane og kva dei treng dei neste fem åra.',
      low: 'Vi veit lite om dei små bedriftene utanom dei aller største.',
    },
    community: {
      high: 'Bustadtomter og barnehageplass er på plass når nye arbeidstakarar kjem.',
      low: 'Bedriftene får ikkje folk fordi det manglar utleigebustader.',
    },
    services: {
      high: 'Byggjesaker har fast kontaktperson og førehandskonferanse innan to veker.',
      low: 'Sakshandsamingstida for byggjesaker er for lang i sommarhalvåret.',
    },
    'land-planning': {
      high: 'Arealdelen vart vedteken i fjor, med ferdig regulert næringsareal ved sjøen.',
      low: 'Vi har ikkje ledig, regulert næringsareal å tilby i dag.',
    },
    founders: {
      high: 'Næringsfondet har enkle søknader og svar innan tre veker.',
      low: 'Gründerar veit ikkje kvar dei skal vende seg i kommunen.',
    },
    regional: {
      high: 'Vi deler næringssjef og planressursar med nabokommunane.',
      low: 'Regionrådet tek opp lite som gjeld næringslivet hjå oss.',
    },
  },
};

/** The rationale recorded with some agreed answers. */
export const DEMO_RATIONALE: Readonly<Record<DemoForm, string>> = {
  nb: 'Vi ble enige etter en god diskusjon i delegasjonen.',
  nn: 'Vi vart samde etter ein god diskusjon i delegasjonen.',
};
