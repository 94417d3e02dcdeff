import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/ui/**', 'src/commands/session.ts', 'src/commands/session-services.ts'],
    rules: {
      // The core never knows about the screen: only src/ui (and the session command that mounts it, with the services it hands it) may import ink or react.
      'no-restricted-imports': ['error', { patterns: [
        { group: ['ink', 'ink-*', 'react', 'react/*'], message: 'Only src/ui may import ink or react.' },
        { group: ['**/ui/*', '**/ui'], message: 'Nothing outside src/ui imports src/ui.' },
      ] }],
    },
  },
);
