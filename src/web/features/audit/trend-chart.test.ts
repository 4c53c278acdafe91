import { describe, expect, it } from 'vitest'
import { type ChartFrame, dateTicks, describeSeries, niceMax, plotSeries, yTicks } from './trend-chart.ts'

const FRAME: ChartFrame = { width: 120, height: 60, left: 10, right: 10, top: 5, bottom: 5 }

describe('the trend chart’s scales', () => {
  it('tops a count axis at 1, 2 or 5 times a power of ten, with whole ticks', () => {
    expect([0, 1, 3, 7, 12, 80, 130].map(niceMax)).toEqual([1, 1, 5, 10, 20, 100, 200])
    expect(yTicks(2)).toEqual([0, 1, 2])
    expect(yTicks(5)).toEqual([0, 1, 2, 3, 4, 5])
    expect(yTicks(20)).toEqual([0, 4, 8, 12, 16, 20])
    expect(yTicks(100)).toEqual([0, 20, 40, 60, 80, 100])
  })

  it('places dates by the days between them and values from the bottom up, breaking the line at gaps', () => {
    const series = plotSeries(
      [
        { date: '1923-01-01', value: 0 },
        { date: '1923-01-02', value: 10 },
        { date: '1923-01-03', value: null },
        { date: '1923-01-11', value: 5 },
      ],
      10,
      FRAME,
    )
    expect(series.points.map((point) => [point.x, point.y])).toEqual([
      [10, 55],
      [20, 5],
      [110, 30],
    ])
    expect(series.path).toBe('M10 55 L20 5 M110 30')
  })

  it('puts a single snapshot in the middle', () => {
    expect(plotSeries([{ date: '1923-06-01', value: 1 }], 2, FRAME).points[0]).toMatchObject({ x: 60, y: 30 })
  })

  it('labels at most five dates, the first and the last among them', () => {
    const dates = Array.from({ length: 30 }, (_, day) => `1923-06-${String(day + 1).padStart(2, '0')}`)
    const ticks = dateTicks(dates)
    expect(ticks).toHaveLength(5)
    expect(ticks[0]).toBe('1923-06-01')
    expect(ticks.at(-1)).toBe('1923-06-30')
    expect(dateTicks(dates.slice(0, 2))).toEqual(['1923-06-01', '1923-06-02'])
  })

  it('says the chart in a sentence', () => {
    const format = (value: number) => `${value}%`
    const date = (iso: string) => iso
    expect(
      describeSeries(
        [
          { date: '1923-01-01', value: 40 },
          { date: '1923-02-01', value: 70 },
          { date: '1923-03-01', value: 55 },
        ],
        format,
        date,
      ),
    ).toBe('From 40% on 1923-01-01 to 55% on 1923-03-01; highest 70%.')
    expect(describeSeries([{ date: '1923-01-01', value: null }], format, date)).toBe(
      'Nothing measured in these snapshots.',
    )
  })
})
