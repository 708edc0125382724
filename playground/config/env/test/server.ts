const config = () => ({
  logger: { updates: { enabled: false }, startup: { enabled: false } },
});

export default config;
