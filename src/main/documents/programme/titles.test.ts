import { describe, expect, it } from 'vitest'
import { translateTitle } from './titles.ts'

describe('our titles in the other side\'s language', () => {
  it('reads a title in its parts, keeping the province in Latin script', () => {
    expect(translateTitle('Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Thanh Hóa', 'en', null).text).toBe(
      "Member of the Party Committee and Vice Chairman of the People's Committee of Thanh Hóa Province",
    )
    expect(translateTitle('Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Thanh Hóa', 'ja', null).text).toBe('Thanh Hóa省党委員会委員、人民委員会副委員長')
    expect(translateTitle('Chủ tịch Ủy ban nhân dân tỉnh', 'en', 'Thanh Hóa').text).toBe("Chairman of the People's Committee of Thanh Hóa Province")
    expect(translateTitle('Chủ tịch UBND tỉnh', 'ja', 'Thanh Hóa').text).toBe('Thanh Hóa省人民委員会委員長')
    // A department whose name has a comma is one title.
    expect(translateTitle('Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hóa', 'en', null).text).toBe('Director of the Department of Culture, Sports and Tourism of Thanh Hóa Province')
    expect(translateTitle('Ban Quản lý KKT Nghi Sơn và các KCN tỉnh Thanh Hóa', 'ja', null).text).toBe('Thanh Hóa省ギソン経済区・工業団地管理委員会')
  })

  it('keeps a title it does not know as typed, and names it', () => {
    expect(translateTitle('Chủ nhiệm Hợp tác xã Nông nghiệp Xuân Lập', 'ja', 'Thanh Hóa')).toEqual({
      text: 'Chủ nhiệm Hợp tác xã Nông nghiệp Xuân Lập',
      unknown: ['Chủ nhiệm Hợp tác xã Nông nghiệp Xuân Lập'],
    })
    expect(translateTitle(null, 'en', null)).toEqual({ text: '', unknown: [] })
  })
})
