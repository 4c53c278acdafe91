import { describe, expect, it } from 'vitest'
import { COUNTING_METHOD_IDS } from '../../../core/counting/counting-method.ts'
import { countingMethods } from '../../../core/counting/methods.ts'
import { addToRanking, moveInRanking, ordinal, removeFromRanking, toggleMark } from './ballot-marks.ts'
import { ballotKind, METHOD_IDS, maxMarks } from './methods.ts'

describe('the web app’s counting methods', () => {
  it('are the core’s, each with the ballot the core counts (ranked or marks)', () => {
    expect([...METHOD_IDS].sort()).toEqual([...COUNTING_METHOD_IDS].sort())
    for (const id of METHOD_IDS) {
      expect(ballotKind(id) === 'ranked', id).toBe(countingMethods[id].ballotKind === 'ranked')
    }
  })

  it('limit the marks as castBallot does: one for plurality, the seats for block, any for the rest', () => {
    expect(maxMarks('plurality', 1, 4)).toBe(1)
    expect(maxMarks('block', 2, 4)).toBe(2)
    expect(maxMarks('approval', 2, 4)).toBe(4)
    expect(maxMarks('meek', 2, 4)).toBe(4)
  })
})

describe('editing a ranking', () => {
  it('adds at the next preference, moves within bounds, and closes the gap on removal', () => {
    let marks = addToRanking(addToRanking(addToRanking([], 7), 8), 9)
    expect(marks).toEqual([7, 8, 9])
    expect(addToRanking(marks, 8)).toEqual([7, 8, 9])
    marks = moveInRanking(marks, 9, -1)
    expect(marks).toEqual([7, 9, 8])
    expect(moveInRanking(marks, 7, -1)).toEqual([7, 9, 8])
    expect(moveInRanking(marks, 8, 1)).toEqual([7, 9, 8])
    expect(removeFromRanking(marks, 7)).toEqual([9, 8])
  })
})

describe('ticking marks', () => {
  it('replaces the one mark of a plurality ballot and refuses a tick beyond a block ballot’s seats', () => {
    expect(toggleMark([3], 4, 1)).toEqual([4])
    expect(toggleMark([3, 4], 5, 2)).toEqual([3, 4])
    expect(toggleMark([3, 4], 4, 2)).toEqual([3])
  })
})

describe('ordinals', () => {
  it('reads 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
    ])
  })
})
