export default defineBackground(() => {
  // Wiring only: handlers are registered from lib/ modules.
});
