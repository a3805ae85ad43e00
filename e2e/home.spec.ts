import { rmSync } from 'node:fs'
import { expect, test as base } from './fixtures.ts'
import { startHost, type Host } from './host/server.ts'

/** The register on 01/12/2026, so that "overdue", "due in" and "days to go" are the same at every run. */
const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const host = await startHost({ now: () => new Date('2026-12-01T09:00:00Z') })
    await use(host)
    await host.close()
    rmSync(host.dataDir, { recursive: true, force: true })
  },
})

test('the home page says what needs attention, and each item opens its record', async ({ app, page, host }, testInfo) => {
  const call = (m: string, i: unknown) => host.session.dispatch(m, i) as Promise<{ ok: true; value: { id: string } }>
  const ref = async (key: string) => (await host.core.db.selectFrom('locality').select('id').where('refKey', '=', key).executeTakeFirstOrThrow()).id
  const [thanhHoa, shizuoka] = [await ref('vn-2025-thanh-hoa'), await ref('jp-pref-22')]
  const parties = [
    { side: 'home', localityId: thanhHoa },
    { side: 'partner', localityId: shizuoka },
  ]
  const unreported = (await call('agreements.create', { kind: 'mou', titleVi: 'Thỏa thuận chưa báo cáo', status: 'signed', signedDate: '2026-10-22', parties })).value.id
  const expiring = (await call('agreements.create', { kind: 'mou', titleVi: 'Bản ghi nhớ sắp hết hạn', status: 'in_force', signedDate: '2022-01-10', validUntil: '2027-01-31', pmReportSentDate: '2022-01-20', mofaCopySentDate: '2022-01-20', parties })).value.id
  const wrong = (await call('agreements.create', { kind: 'mou', titleVi: 'Bản ghi nhớ ghi sai tình trạng', status: 'in_force', signedDate: '2019-07-01', validUntil: '2024-06-30', pmReportSentDate: '2019-07-10', mofaCopySentDate: '2019-07-10', parties })).value.id
  await call('commitments.create', { agreementId: expiring, action: 'Trao đổi đoàn du lịch', owner: 'Phòng Hợp tác quốc tế', dueDate: '2026-11-01', status: 'open' })
  const former = (await call('people.create', { familyName: 'Tanaka', givenName: 'Ichiro', nameOrder: 'family_first', country: 'JP', title: 'Phó Thống đốc tỉnh Shizuoka', localityId: shizuoka, termEnd: '2027-02-28' })).value.id
  await call('facts.create', { label: 'Dân số tỉnh Shizuoka', value: '3,5 triệu', asOf: '2024-12-31', scope: 'locality', localityId: shizuoka })
  const trip = (await call('trips.create', { title: 'Đoàn thăm tỉnh Shizuoka', homeLocalityId: thanhHoa, startDate: '2027-03-08', endDate: '2027-03-13', destinationIds: [shizuoka] })).value.id
  await call('itinerary.create', { tripId: trip, kind: 'meeting', title: 'Làm việc với Phó Thống đốc', start: '2027-03-09T10:00', counterparts: [{ personId: former }] })

  await page.reload()
  const group = (id: string) => page.getByTestId(`attention-${id}`)
  await expect(group('trips')).toContainText('Đoàn thăm tỉnh Shizuoka')
  await expect(group('trips')).toContainText('còn 97 ngày')
  await expect(group('reports')).toContainText('chưa báo cáo Thủ tướng – quá hạn 25 ngày (hạn 06/11/2026, ký 22/10/2026)')
  await expect(group('commitments')).toContainText('quá hạn 30 ngày (hạn 01/11/2026) · Phòng Hợp tác quốc tế')
  await expect(group('expiring')).toContainText('hết hiệu lực 31/01/2027 (còn 61 ngày)')
  await expect(group('contradicted')).toContainText('Văn kiện ghi là còn hiệu lực nhưng đã hết hạn ngày 30/06/2024.')
  await expect(group('former')).toContainText('Phó Thống đốc tỉnh Shizuoka, hết nhiệm kỳ 28/02/2027')
  await expect(group('figures')).toContainText('Dân số tỉnh Shizuoka')
  for (const [name, size] of [['1400x900', { width: 1400, height: 900 }], ['200pct', { width: 700, height: 450 }]] as const) {
    await page.setViewportSize(size)
    await page.screenshot({ animations: 'disabled', fullPage: true, path: testInfo.outputPath(`home-${name}.png`) })
  }
  await page.setViewportSize({ width: 1400, height: 900 })

  // Each group's item opens its record.
  const opens: Array<[string, string, RegExp]> = [
    ['trips', 'Đoàn thăm tỉnh Shizuoka', new RegExp(`#/trips/${trip}/brief$`)],
    ['reports', 'Thỏa thuận chưa báo cáo', new RegExp(`#/agreements/${unreported}$`)],
    ['commitments', 'Trao đổi đoàn du lịch', new RegExp(`#/agreements/${expiring}$`)],
    ['expiring', 'Bản ghi nhớ sắp hết hạn', new RegExp(`#/agreements/${expiring}$`)],
    ['contradicted', 'Bản ghi nhớ ghi sai tình trạng', new RegExp(`#/agreements/${wrong}$`)],
    ['former', 'TANAKA Ichiro', new RegExp(`#/people/${former}$`)],
    ['figures', 'Dân số tỉnh Shizuoka', new RegExp(`#/localities/${shizuoka}$`)],
  ]
  for (const [id, text, url] of opens) {
    await app.goto('home')
    await group(id).getByRole('link', { name: text }).first().click()
    await expect(page).toHaveURL(url)
  }
})

test('an empty register says, group by group, that nothing needs attention', async ({ app: _app, page }) => {
  await expect(page.getByTestId('attention-commitments-empty')).toHaveText('Không có cam kết quá hạn hay sắp đến hạn trong 30 ngày tới.')
  await expect(page.getByTestId('attention-reports-empty')).toHaveText('Không có báo cáo nào chậm hoặc sắp đến hạn.')
})
