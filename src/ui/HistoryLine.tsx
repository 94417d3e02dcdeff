import { Box, Text } from 'ink';
import type { HistoryItem } from './use-session.js';
import { useTheme } from './use-theme.js';

/** One entry of the scrollback: the banner, a task as typed, a command's output, or an error with its hint. */
export function HistoryLine({ item }: { item: HistoryItem }) {
  const theme = useTheme();
  if (item.kind === 'banner') {
    return (
      <Text>
        <Text color={theme.accent} bold>
          {item.text.split('\n')[0]}
        </Text>
        {`\n${item.text.split('\n').slice(1).join('\n')}`}
      </Text>
    );
  }
  if (item.kind === 'task') {
    return (
      <Box marginTop={1}>
        <Text color={theme.accent} bold>
          › {item.text}
        </Text>
      </Box>
    );
  }
  if (item.kind === 'error') {
    return (
      <Box flexDirection="column" marginTop={1}>
        <Text color={theme.error}>✗ {item.text}</Text>
        {item.hint && <Text dimColor>  {item.hint}</Text>}
      </Box>
    );
  }
  if (item.preformatted) {
    return (
      <Box flexDirection="column" marginTop={1}>
        {item.text.split('\n').map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line === '' ? ' ' : line}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Box marginTop={1}>
      <Text>{item.text}</Text>
    </Box>
  );
}
