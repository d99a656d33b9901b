// Deterministic pseudo-random content for the corpus pages, so every run records the same pages.
window.Seeded = (() => {
  function random(seed) {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
      mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
  }
  const WORDS = (
    "harbor tide keeper lamp signal coast rock wave light beam tower storm night fog horn chart vessel " +
    "captain crew rope anchor deck hull sail wind current shore island reef channel buoy pier dock " +
    "engineer lens prism glass brass iron stone mortar stair gallery lantern keeper log record season " +
    "winter summer morning evening distance mile bearing compass north south east west river estuary " +
    "maintenance inspection schedule supply delivery weather report forecast pressure barometer gauge " +
    "clockwork mechanism rotation flash interval pattern character range visibility station network " +
    "modern careful simple quiet steady bright narrow heavy ancient remote reliable constant patient " +
    "built measured carried repaired painted replaced installed recorded observed guided warned kept"
  ).split(" ");
  const pick = (rand, list) => list[Math.floor(rand() * list.length)];
  function sentence(rand, minWords = 8, maxWords = 22) {
    const count = minWords + Math.floor(rand() * (maxWords - minWords));
    const words = Array.from({ length: count }, () => pick(rand, WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    if (count > 10) {
      words[Math.floor(count / 2)] += ",";
    }
    return `${words.join(" ")}.`;
  }
  function paragraph(rand, minSentences = 3, maxSentences = 7) {
    const count = minSentences + Math.floor(rand() * (maxSentences - minSentences));
    return Array.from({ length: count }, () => sentence(rand)).join(" ");
  }
  const FIRST_NAMES = ["Ada", "Grace", "Linus", "Margaret", "Alan", "Edsger", "Barbara", "Ken", "Frances", "Dennis", "Radia", "Tim", "Hedy", "Niklaus", "Sophie", "John"];
  const LAST_NAMES = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Dijkstra", "Liskov", "Thompson", "Allen", "Ritchie", "Perlman", "Berners-Lee", "Lamarr", "Wirth", "Wilson", "Backus"];
  const personName = (rand) => `${pick(rand, FIRST_NAMES)} ${pick(rand, LAST_NAMES)}`;
  return { random, pick, sentence, paragraph, personName, WORDS };
})();
