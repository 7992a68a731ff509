import { Text, Title } from '@mantine/core'

/** A page's heading, and under it the sentence that says what the page is for. */
export function PageIntro({ title, intro }: { title: string; intro: string }) {
  return (
    <div>
      <Title order={1}>{title}</Title>
      <Text c="dimmed" mt={4} maw={820}>
        {intro}
      </Text>
    </div>
  )
}
