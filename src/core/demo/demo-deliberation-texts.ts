/**
 * The words of the demo's deliberation stories: short party texts of late 1923 in the voice of
 * the report ("The Party's Tasks", 2 December 1923), written for the demo rather than quoted.
 * Kept apart from the stories so the replay reads as steps and the texts read as texts.
 */

/** A question as raised: its title, text and proposal, and the topic the charter classifies by. */
export interface DemoQuestionText {
  readonly title: string
  readonly text: string
  readonly proposal: string
  readonly topic: string
}

/** The Moscow Gubernia Committee's theses, open for discussion on the report's day. */
export const THESES: DemoQuestionText = {
  title: 'On the party’s tasks: inner-party democracy and the limits of discussion',
  topic: 'party-policy',
  text:
    'The Central Committee set a course towards inner-party democracy in September. The August ' +
    'strikes found our organisations cut off from the factories, and too many questions were ' +
    'decided in the committees and only announced to the units. The Gubernia Committee puts these ' +
    'theses to the units of the gubernia before its conference.',
  proposal: [
    '1. Every question of interest to the membership, in so far as it can be openly discussed, is put to the units before the committee decides it.',
    '2. Secretaries of units and district committees are elected; a secretary is appointed only where no member has the standing the rules require.',
    '3. A discussion lasts no longer than thirty days; then the committee decides, and the decision binds every member.',
    '4. The Gubernia Committee reports to the units on its work every month.',
  ].join('\n'),
}

/** Point 4 as an amendment would have it: a written report that answers the units. */
export const THESES_AMENDED = THESES.proposal.replace(
  '4. The Gubernia Committee reports to the units on its work every month.',
  '4. The Gubernia Committee reports to the units on its work every month, in writing, and answers in each report the questions the units sent it.',
)

/**
 * The discussion of the theses, in posting order. `replyTo` names an earlier entry by its key;
 * `supporters` is how many members back it. One is abuse, which the region secretary hides.
 */
export interface DemoCommentText {
  readonly key: string
  readonly kind: 'comment' | 'counter-proposal' | 'amendment'
  readonly body: string
  readonly replyTo?: string
  readonly supporters: number
  readonly abusive?: true
}

export const THESES_DISCUSSION: readonly DemoCommentText[] = [
  {
    key: 'appointed',
    kind: 'comment',
    body: 'Our unit’s secretary was sent from the district and nobody asked us. Point 2 is right, but who sees that it is carried out?',
    supporters: 9,
  },
  {
    key: 'standing',
    kind: 'comment',
    replyTo: 'appointed',
    body: 'The district committee told us there was no comrade with a year’s standing. There were three. Point 2 needs a date by which the elections are held.',
    supporters: 6,
  },
  {
    key: 'names',
    kind: 'comment',
    replyTo: 'standing',
    body: 'A date, and the names of the appointed secretaries read out at the general meeting, with the reason for each.',
    supporters: 3,
  },
  {
    key: 'unlimited',
    kind: 'counter-proposal',
    body: 'Replace point 3: the discussion lasts as long as the units need, and the committee does not decide until every unit of the gubernia has held its meeting on the question.',
    supporters: 4,
  },
  {
    key: 'acting',
    kind: 'comment',
    replyTo: 'unlimited',
    body: 'The party is not a debating society. Thirty days is time enough for every unit to meet twice; after that we must act on what was decided.',
    supporters: 11,
  },
  {
    key: 'from-arrival',
    kind: 'comment',
    replyTo: 'acting',
    body: 'Then let the thirty days run from the day the theses reach the unit, not from the day they are printed. The village units get the paper a week late.',
    supporters: 5,
  },
  {
    key: 'written-report',
    kind: 'amendment',
    body: 'A speech at the conference is not a report. Point 4 should say the report is written and answers the questions the units sent up.',
    supporters: 8,
  },
  {
    key: 'information',
    kind: 'comment',
    body: 'Information from the top downwards is half of it. The units send their reports to the district and never learn what became of them.',
    supporters: 7,
  },
  {
    key: 'wages',
    kind: 'comment',
    body: 'The August stoppage at our works began over wages paid three weeks late, and the unit heard of it from the shop floor. The factory units must be told how the enterprise stands.',
    supporters: 10,
  },
  {
    key: 'administration',
    kind: 'comment',
    replyTo: 'wages',
    body: 'The same with us: the administration has not reported to the unit since the spring.',
    supporters: 4,
  },
  {
    key: 'abuse',
    kind: 'comment',
    abusive: true,
    body: 'The authors of these theses are office rats and parasites, and the sooner they are swept out with a broom the better.',
    supporters: 0,
  },
  {
    key: 'read-aloud',
    kind: 'comment',
    body: 'Many of our new members cannot read the theses. Let them be read aloud at the general meeting, or this is a discussion for the literate only.',
    supporters: 6,
  },
  {
    key: 'tax',
    kind: 'comment',
    body: 'Point 3 is right. Our unit argued about the tax in kind for two months, and meanwhile nothing was done in the villages.',
    supporters: 5,
  },
]

/** The note the region secretary leaves on the hidden comment (the author and auditors read it). */
export const ABUSE_NOTE =
  'Hidden for insulting comrades, not for its opinion: the author may put the objection to the theses again in comradely form.'

/** Story 2: a Petrograd discussion of 1922 that ran far past the Eleventh Congress's 45 days. */
export const PETROGRAD_1922 = {
  title: 'On the work of the factory units under the New Economic Policy',
  topic: 'economic-policy',
  text: 'With the trusts on commercial accounting, the factory units ask what their part is in the affairs of the enterprise, and how far the unit may go in disputes over wages.',
  proposal:
    'The factory units do not interfere in the management of the enterprise; they follow its course, report defects to the district committee, and explain the trust’s position to the non-party workers.',
  source: 'Minutes of the Petrograd Gubernia Committee, meeting of 28 September 1922',
  raisedOn: '1922-06-05',
  discussion: { openedOn: '1922-06-10', closedOn: '1922-09-20' },
  decidedOn: '1922-09-28',
} as const

/** Story 3: a major question decided in the Yekaterinoslav committee with no discussion at all. */
export const YEKATERINOSLAV_DISTRICTS = {
  title: 'On the reorganisation of the gubernia’s district committees',
  topic: 'organisation',
  text: 'The new administrative division joins several volosts; the district committees must follow it.',
  proposal:
    'The Novomoskovsk and Pavlograd district committees take over the units of the dissolved volost committees; their secretaries are confirmed by the Gubernia Committee.',
  source: 'Minutes of the bureau of the Yekaterinoslav Gubernia Committee, 12 September 1923',
  raisedOn: '1923-09-10',
  decidedOn: '1923-09-12',
} as const

/** Story 4: a district committee's urgent decision, awaiting ratification on the report's day. */
export const WINTER_FUEL: DemoQuestionText & { readonly justification: string } = {
  title: 'On fuel for the winter',
  topic: 'economic-policy',
  text: 'The workers’ clubs and the units’ reading rooms of the district have firewood for two weeks. The fuel directorate offers a wagon-load from the forest depot if it is collected before 10 December.',
  proposal:
    'The district committee takes the wagon-load for the clubs and reading rooms and shares it out by the number of members of each unit; the units send carts and hands on Saturday, 8 December.',
  justification:
    'The offer lapses on 10 December and the committee next meets on the 12th: the clubs would stand cold. Decided at once, to be put to the committee for ratification at that meeting.',
}

/** Story 5: a military question of a border region, kept to its committee and two comrades of the regiments. */
export const FERGANA_UNITS: DemoQuestionText & { readonly comment: string } = {
  title: 'On the party units of the regiments in the Fergana valley',
  topic: 'military',
  text: 'The command means to move two regiments against the Basmachi bands before the passes close. Their party units are thin: a few communists in each company.',
  proposal:
    'The regional committee sends twelve party workers from Tashkent to the regiments’ units before the move; the political department names them, and the dates of the move are told to no one else.',
  comment: 'Twelve is too few: the second regiment has four communists among three hundred men. Send twenty.',
}

/** Story 6: a factory unit's decision of October 1923, with the tasks that carry it out. */
export const WORKS_AFFAIRS: DemoQuestionText & {
  readonly comments: readonly string[]
  readonly minutes: string
} = {
  title: 'On the unit’s part in the affairs of the works',
  topic: 'economic-policy',
  text: 'The August stoppage at the works began over wages paid three weeks late; the unit learnt of it from the shop floor. The unit answers to the non-party workers for the course of affairs at the works, and must know it.',
  proposal: [
    '1. The works administration reports to the unit’s general meeting on the course of affairs every month.',
    '2. The unit elects a commission of three to read the administration’s reports and the trust’s orders.',
    '3. The unit asks the district committee to call an economic conference of the factory units of the trust.',
  ].join('\n'),
  comments: [
    'The administration will say its affairs are no business of the unit. Point 1 must come from the district committee too, or it stays on paper.',
    'The commission must report back to the general meeting, not only to the bureau.',
    'Point 3 is the most useful: the other works of the trust had the same arrears in August.',
  ],
  minutes:
    'General meeting of the unit. Agenda: the unit’s part in the affairs of the works. The secretary reported on the August stoppage and the arrears of wages. Seven comrades spoke. The proposal was put to the vote and adopted; the commission of three is to be elected at the next meeting.',
}

/** The tasks of story 6: one done, and two still open past their deadline, one of them a body's. */
export const WORKS_TASKS = {
  commission: {
    title: 'Elect the commission of three to read the administration’s reports',
    dueOn: '1923-10-20',
    closing:
      'The commission was elected at the general meeting of 16 October: three comrades from the foundry, the machine shop and the office.',
  },
  arrears: {
    title: 'Obtain the administration’s report on the August wage arrears and read it to the general meeting',
    dueOn: '1923-11-10',
    progress:
      'The administration promises the report for the end of the month; the September pay-sheets are in hand.',
  },
  conference: {
    title: 'Call an economic conference of the factory units of the trust',
    dueOn: '1923-11-20',
    progress:
      'The district committee has written to the trust’s board; two of the five units have named their representatives.',
  },
} as const

/** A members’ initiative in the demo member's unit, still collecting signatures. */
export const READING_ROOM: DemoQuestionText = {
  title: 'A reading room and a literacy circle at the works',
  topic: 'education',
  text: 'A third of the unit’s members read with difficulty; the Gubernia Committee’s theses reach them only when someone reads them aloud.',
  proposal:
    'The unit asks the works committee for the room beside the club as a reading room, open in the evenings, and holds a literacy circle there twice a week, led in turn by comrades who read well.',
}
