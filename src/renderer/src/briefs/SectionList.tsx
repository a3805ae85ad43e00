/** The brief's sections: drag to reorder (dnd-kit, mouse and keyboard), switch on or off. */
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core'
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { Group, Paper, Switch, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SECTIONS, type SectionId } from '../../../shared/domain/briefs.ts'
import { useLabels } from '../i18n/index.ts'
import { dndAnnouncements } from './dndAnnouncements.ts'

export interface SectionSetting {
  id: SectionId
  include: boolean
}

function Row({ section, onToggle }: { section: SectionSetting; onToggle: (include: boolean) => void }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: section.id })
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      px="sm"
      py={6}
      data-testid={`section-${section.id}`}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, background: 'var(--mantine-color-body)' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <UnstyledButton {...attributes} {...listeners} aria-label={`${t('briefs.dragHandle')}: ${label(SECTIONS, section.id)}`} data-testid={`drag-${section.id}`} style={{ cursor: 'grab', padding: '0 6px' }}>
            ⠿
          </UnstyledButton>
          <Text size="sm" c={section.include ? undefined : 'dimmed'}>
            {label(SECTIONS, section.id)}
          </Text>
        </Group>
        <Switch size="xs" checked={section.include} onChange={(e) => onToggle(e.currentTarget.checked)} aria-label={label(SECTIONS, section.id)} data-testid={`toggle-${section.id}`} />
      </Group>
    </Paper>
  )
}

export function SectionList({ sections, onChange }: { sections: SectionSetting[]; onChange: (sections: SectionSetting[]) => void }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  const accessibility = dndAnnouncements(t, sections.map((s) => s.id), (id) => label(SECTIONS, id))
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }))
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const from = sections.findIndex((s) => s.id === active.id)
    const to = sections.findIndex((s) => s.id === over.id)
    onChange(arrayMove(sections, from, to))
  }
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={accessibility}>
      <SortableContext items={sections.map((s) => s.id)} strategy={verticalListSortingStrategy}>
        {sections.map((s) => (
          <Row key={s.id} section={s} onToggle={(include) => onChange(sections.map((x) => (x.id === s.id ? { ...x, include } : x)))} />
        ))}
      </SortableContext>
    </DndContext>
  )
}
