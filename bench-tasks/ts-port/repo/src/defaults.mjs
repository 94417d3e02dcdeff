export const DEFAULT_HOST = 'localhost';
