/**
 * The register's views: the agreements list narrowed and sorted by the core, the calendar
 * of trips and engagements, and trips on their partners' and counterparts' timelines.
 */
import { rmSync } from 'node:fs'
import { expect, test as base } from './fixtures.ts'
import { startHost, type Host } from './host/server.ts'

/** The register on 01/12/2026: a report's days late and the calendar's today are the same at every run. */
const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const host = await startHost({ now: () => new Date('2026-12-01T09:00:00Z') })
    await use(host)
    await host.close()
    rmSync(host.dataDir, { recursive: true, force: true })
  },
})
// Each test loads the demo data and walks several pages: on a busy machine that takes most of a minute.
test.describe.configure({ timeout: 150_000 })

const setup = (host: Host) => ({
  call: async (m: string, i: unknown) => {
    const r = (await host.session.dispatch(m, i)) as { ok: boolean; value: { id: string }; error?: unknown }
    if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`)
    return r.value
  },
  locality: async (key: string) => (await host.core.db.selectFrom('locality').select('id').where('refKey', '=', key).executeTakeFirstOrThrow()).id,
  organization: async (key: string) => (await host.core.db.selectFrom('organization').select('id').where('refKey', '=', key).executeTakeFirstOrThrow()).id,
})

test('the agreements list: filtered by words, status on the day, kind, partner and year, sorted by any column', async ({ app, page, host }, testInfo) => {
  await app.loadDemo()
  const { call, locality, organization } = setup(host)
  const thanhHoa = await locality('vn-2025-thanh-hoa')
  // Recorded in force; its validity ended on 30/06/2022.
  await call('agreements.create', {
    kind: 'mou',
    titleVi: 'Bản ghi nhớ hợp tác du lịch',
    status: 'in_force',
    signedDate: '2020-03-10',
    validUntil: '2022-06-30',
    pmReportSentDate: '2020-03-20',
    parties: [{ side: 'home', localityId: thanhHoa }, { side: 'partner', localityId: await locality('jp-pref-19') }],
  })
  // Signed 01/09/2026 and never reported: due 16/09, 76 days late today.
  await call('agreements.create', {
    kind: 'loi',
    titleVi: 'Ý định thư về nông nghiệp công nghệ cao',
    status: 'signed',
    signedDate: '2026-09-01',
    parties: [{ side: 'home', localityId: thanhHoa }, { side: 'partner', organizationId: await organization('jp-org-jica') }],
  })
  await app.goto('agreements')
  const rows = app.rows('agreements-table')
  await expect(rows).toHaveCount(5)
  const again = async () => {
    await app.goto('home')
    await app.goto('agreements')
    await expect(rows).toHaveCount(5)
  }

  // Words, without diacritics; the late report shows on the row.
  await page.getByTestId('agreements-q').fill('nong nghiep')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Ý định thư về nông nghiệp công nghệ cao')
  await expect(rows.first().getByTestId('late-report')).toHaveText('Chưa báo cáo Thủ tướng, trễ 76 ngày')
  await page.getByTestId('agreements-q').fill('')
  await expect(rows).toHaveCount(5)

  // The status the dates give today: expired, though recorded in force.
  await app.choose(page.getByTestId('agreements-status'), '', 'Hết hiệu lực')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Bản ghi nhớ hợp tác du lịch')
  await expect(rows.first()).toContainText('Hết hiệu lực')
  await again()

  await app.choose(page.getByTestId('agreements-kind'), '', 'Ý định thư (LOI)')
  await expect(rows).toHaveCount(1)
  await again()

  // A partner: the demo's proposed agreement with Yamanashi and the tourism MOU.
  await app.choose(page.getByTestId('agreements-partner'), 'Yamanashi', /^Yamanashi/)
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Văn bản hợp tác chính thức giữa tỉnh Thanh Hóa và tỉnh Yamanashi' })).toHaveCount(1)
  // …and a year with it.
  await app.choose(page.getByTestId('agreements-year'), '', '2020')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Bản ghi nhớ hợp tác du lịch')
  await again()

  // Sorted by title in Vietnamese order, then the other way; by signing date, undated last.
  await page.getByTestId('sort-title').click()
  await expect(rows.first()).toContainText('Bản ghi nhớ hợp tác du lịch')
  await expect(page.getByRole('columnheader', { name: /Tên văn kiện/ })).toHaveAttribute('aria-sort', 'ascending')
  await page.getByTestId('sort-title').click()
  await expect(rows.first()).toContainText('Ý định thư về nông nghiệp công nghệ cao')
  await expect(rows.last()).toContainText('Bản ghi nhớ hợp tác du lịch')
  await page.getByTestId('sort-signed').click()
  await expect(rows.nth(0)).toContainText('Bản ghi nhớ hợp tác du lịch')
  await expect(rows.nth(1)).toContainText('Ý định thư về nông nghiệp công nghệ cao')
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('agreements-1400x900.png') })
  await page.setViewportSize({ width: 700, height: 450 })
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('agreements-700x450.png') })
})

test('the calendar: the month of today marked, a trip on each of its days, a click opens it', async ({ app, page, host }, testInfo) => {
  await app.loadDemo()
  await setup(host).call('engagements.create', { kind: 'meeting', title: 'Tiếp Tổng Lãnh sự Nhật Bản', startDate: '2026-12-03', participants: [] })
  await page.getByTestId('nav-calendar').click()
  await expect(page.getByText('Tháng 12 năm 2026')).toBeVisible()
  const today = page.getByTestId('calendar-today')
  await expect(today).toHaveAttribute('aria-current', 'date')
  await expect(today).toContainText('1')
  const grid = page.getByTestId('calendar-grid')
  const trip = 'Đoàn công tác của tỉnh Thanh Hóa làm việc tại tỉnh Yamanashi, Nhật Bản (năm 2026)'
  // 07/12 to 11/12: on five days of the grid, and once in the month's list.
  await expect(grid.getByTestId('calendar-entry').filter({ hasText: trip })).toHaveCount(5)
  await expect(grid.getByTestId('calendar-entry').filter({ hasText: 'Tiếp Tổng Lãnh sự Nhật Bản' })).toHaveCount(1)
  await expect(page.getByTestId('calendar-list')).toContainText('07/12/2026 – 11/12/2026')
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('calendar-1400x900.png') })
  await page.setViewportSize({ width: 700, height: 450 })
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('calendar-700x450.png'), fullPage: true })
  await page.setViewportSize({ width: 1400, height: 900 })

  await grid.getByTestId('calendar-entry').filter({ hasText: trip }).first().click()
  await expect(page.getByTestId('trip-title')).toHaveText(trip)
  // Back is the same month; the next one has neither.
  await page.goBack()
  await expect(page.getByText('Tháng 12 năm 2026')).toBeVisible()
  await page.getByTestId('calendar-next').click()
  await expect(page.getByText('Tháng 1 năm 2027')).toBeVisible()
  await expect(page.getByTestId('calendar-today')).toHaveCount(0)
  await expect(page.getByText('Tháng này không có đoàn công tác hay hoạt động nào.')).toBeVisible()
  await page.getByTestId('calendar-this-month').click()
  await expect(page.getByTestId('calendar-today')).toBeVisible()
  // In English: the month's name, weekdays from Monday.
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByText('December 2026')).toBeVisible()
  await expect(page.getByTestId('calendar-grid').getByRole('columnheader')).toHaveText(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
  await expect(page.getByTestId('calendar-list')).toContainText('Delegation')
})

test('a trip is on its destination\'s timeline, and a counterpart is created from the meeting form', async ({ app, page, host }) => {
  await app.loadDemo()
  const yamanashi = await setup(host).locality('jp-pref-19')
  await page.goto(`${host.url}#/localities/${yamanashi}`)
  await page.getByRole('tab', { name: /Hoạt động/ }).click()
  // The delegation sent there, and the visit received from there (the sample data has both).
  const sent = page.getByTestId('timeline-trip').filter({ hasText: 'Đoàn công tác của tỉnh Thanh Hóa làm việc tại tỉnh Yamanashi' })
  await expect(sent).toContainText('nơi đến của đoàn')
  await expect(page.getByTestId('timeline-trip').filter({ hasNotText: 'Đoàn công tác của tỉnh Thanh Hóa làm việc' })).toContainText('nơi đoàn đến từ')
  await sent.getByRole('link').click()
  await expect(page.getByTestId('trip-title')).toContainText('Đoàn công tác của tỉnh Thanh Hóa')

  await app.goto('engagements')
  await page.getByRole('button', { name: 'Thêm hoạt động' }).click()
  await app.field('Tên hoạt động').fill('Tiếp Phó Thống đốc tỉnh Yamanashi')
  await app.field('Ngày bắt đầu').fill('03/12/2026')
  await page.getByTestId('new-counterpart').click()
  const person = page.getByRole('dialog', { name: 'Thêm nhân vật' })
  await person.getByLabel(/^Họ \(chữ Latinh\)/).fill('Osada')
  await person.getByLabel(/^Tên \(chữ Latinh\)/).fill('Yuki')
  await person.getByTestId('save').click()
  await expect(person).toBeHidden()
  const form = page.getByRole('dialog', { name: 'Thêm hoạt động' })
  await expect(form.getByPlaceholder('Chọn địa phương, tổ chức hoặc nhân vật')).toHaveValue(/OSADA Yuki/)
  await form.getByTestId('save').click()
  await expect(form).toBeHidden()
  await expect(page.getByText('OSADA Yuki')).toBeVisible()
})
