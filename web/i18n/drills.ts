export default { ja: {} as Record<string, string>, en: {} as Record<string, string> };
