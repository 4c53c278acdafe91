import { hideComment } from '../deliberation/hide-comment.ts'
import { postComment } from '../deliberation/post-comment.ts'
import { raiseQuestion } from '../deliberation/raise-question.ts'
import { scheduleMeeting } from '../deliberation/schedule-meeting.ts'
import { setSupport } from '../deliberation/set-support.ts'
import { signQuestion } from '../deliberation/sign-question.ts'
import { toIsoDate } from '../shared/clock.ts'
import {
  actingAs,
  at,
  type DeliberationScene,
  daytimes,
  draw,
  membersOn,
  moveTo,
} from './demo-deliberation-steps.ts'
import {
  ABUSE_NOTE,
  READING_ROOM,
  THESES,
  THESES_AMENDED,
  THESES_DISCUSSION,
} from './demo-deliberation-texts.ts'

/**
 * The demo's open deliberation, as the demo member finds it on the report's day: the Moscow
 * Gubernia Committee's theses in discussion, and in the member's own unit an initiative collecting
 * signatures and next week's general meeting.
 */

/** The discussion in progress, for the summary and the demo's tests. */
export interface DemoDiscussion {
  readonly questionId: number
  readonly bodyId: number
  readonly title: string
  /** When it closes by itself (the charter's maximum); null where the charter sets none. */
  readonly closesAt: string | null
  readonly hiddenCommentId: number
}

/** Raised ten days before the report's day: open on it, and closing by itself at the 30-day maximum. */
const THESES_RAISED_AT = at('1923-11-22', '10:00')
/** Members backing the proposal itself, a couple after each comment. */
const PROPOSAL_SUPPORTERS = 26

/**
 * The Moscow Gubernia Committee's theses on inner-party democracy, raised by the committee (its
 * secretary's account) on 22 November: a dozen signed comments from members of the gubernia's
 * units over ten days, with threaded replies, one counter-proposal (for unlimited discussion), one
 * amendment (a diff of point 4), supports for the proposal and the criticism, and one abusive
 * comment the secretary hides for abuse, with a note. The demo member takes no part, so the
 * newcomer can comment, support and reply themselves. Still open on the report's day.
 */
export async function openThesesDiscussion(
  scene: DeliberationScene,
  excludeMemberId: number | null,
): Promise<DemoDiscussion> {
  const bodyId = scene.bodyId('moscow')
  await moveTo(scene, THESES_RAISED_AT)
  const question = await raiseQuestion(actingAs(scene, scene.accounts.moscow), {
    bodyId,
    ...THESES,
    origin: 'body',
  })
  const pool = (await membersOn(scene.ctx, bodyId, toIsoDate(THESES_RAISED_AT))).filter(
    (member) => member.id !== excludeMemberId,
  )
  const speakers = draw(scene.random, pool, THESES_DISCUSSION.length)
  const backers = draw(scene.random, pool, 40)
  const proposalBackers = backers.slice(0, PROPOSAL_SUPPORTERS)
  const perComment = Math.ceil(PROPOSAL_SUPPORTERS / THESES_DISCUSSION.length)
  const ids = new Map<string, number>()
  let hiddenCommentId = 0
  const times = daytimes(scene.random, '1923-11-23', '1923-12-01', THESES_DISCUSSION.length)
  for (const [index, entry] of THESES_DISCUSSION.entries()) {
    const author = speakers[index]
    const postedAt = times[index]
    if (!author || !postedAt) throw new Error('the demo found too few Moscow members for its discussion')
    await moveTo(scene, postedAt)
    const comment = await postComment(scene.ctx, {
      questionId: question.id,
      memberId: author.id,
      kind: entry.kind,
      body: entry.body,
      parentId: entry.replyTo ? (ids.get(entry.replyTo) ?? null) : null,
      amendedProposal: entry.kind === 'amendment' ? THESES_AMENDED : null,
    })
    ids.set(entry.key, comment.id)
    // An hour on: the comment's backers, and a few for the proposal itself.
    await moveTo(scene, new Date(postedAt.getTime() + 3_600_000))
    const commentBackers = draw(
      scene.random,
      backers.filter((member) => member.id !== author.id),
      entry.supporters,
    )
    for (const member of commentBackers) {
      await setSupport(scene.ctx, {
        questionId: question.id,
        commentId: comment.id,
        memberId: member.id,
        supported: true,
      })
    }
    for (const member of proposalBackers.slice(index * perComment, (index + 1) * perComment)) {
      await setSupport(scene.ctx, {
        questionId: question.id,
        commentId: null,
        memberId: member.id,
        supported: true,
      })
    }
    if (entry.abusive) {
      await moveTo(scene, new Date(postedAt.getTime() + 3 * 3_600_000))
      await hideComment(actingAs(scene, scene.accounts.moscow), {
        commentId: comment.id,
        reason: 'abuse',
        note: ABUSE_NOTE,
        moderatorMemberId: null,
      })
      hiddenCommentId = comment.id
    }
  }
  return {
    questionId: question.id,
    bodyId,
    title: question.title,
    closesAt: question.discussion_latest_close_at?.toISOString() ?? null,
    hiddenCommentId,
  }
}

/** The demo member's unit: its initiative collecting signatures and its next general meeting. */
export interface DemoUnitBusiness {
  readonly initiativeId: number
  readonly meetingId: number
}

/** Signatures gathered by the report's day besides the initiator's, kept short of the number needed. */
const EARLY_SIGNERS = 3

/**
 * In the demo member's unit: a minor question (a reading room and a literacy circle) raised on 29
 * November as a members' initiative, signed by the initiator and a few others but short of the
 * tenth of the unit the charter asks, so the demo member can add theirs; and the unit's general
 * meeting of Thursday 6 December, scheduled by the Gubernia secretary with the initiative on its
 * agenda, for the calendar (.ics) export. The Gubernia Committee's theses cannot be on it: a
 * meeting takes up only its own body's questions, so the title names them instead.
 */
export async function openUnitBusiness(
  scene: DeliberationScene,
  member: { readonly memberId: number; readonly unitId: number },
): Promise<DemoUnitBusiness> {
  const raisedAt = at('1923-11-29', '19:00')
  await moveTo(scene, raisedAt)
  const pool = (await membersOn(scene.ctx, member.unitId, toIsoDate(raisedAt))).filter(
    (other) => other.id !== member.memberId,
  )
  const [initiator, ...others] = draw(scene.random, pool, EARLY_SIGNERS + 1)
  if (!initiator) throw new Error(`the demo member's unit ${member.unitId} has no other member`)
  const question = await raiseQuestion(scene.ctx, {
    bodyId: member.unitId,
    ...READING_ROOM,
    origin: 'initiative',
    raisedByMemberId: initiator.id,
  })
  // Stop one short of the number required, whatever the unit's size, so it is still collecting.
  const signers = others.slice(0, Math.max(0, (question.signatures_required ?? 1) - 2))
  for (const [index, signer] of signers.entries()) {
    await moveTo(scene, at(index === 0 ? '1923-11-30' : '1923-12-01', `1${index}:30`))
    await signQuestion(scene.ctx, { questionId: question.id, memberId: signer.id })
  }
  await moveTo(scene, at('1923-12-01', '16:00'))
  const meeting = await scheduleMeeting(actingAs(scene, scene.accounts.moscow), {
    bodyId: member.unitId,
    title:
      'General meeting: the Gubernia Committee’s theses on inner-party democracy; a reading room at the works',
    startsAt: at('1923-12-06', '18:00'),
    endsAt: at('1923-12-06', '20:30'),
    place: 'The works club',
    agendaQuestionIds: [question.id],
  })
  return { initiativeId: question.id, meetingId: meeting.id }
}
